using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>
/// Runs build steps in dependency order, as many at once as the <see cref="BuildBudget"/> allows, each on its own
/// connection with its share of the memory. A step starts when every table it reads is complete (all of that
/// table's writers finished); the first failure cancels the rest.
/// </summary>
internal sealed class BuildScheduler(NpgsqlDataSource database, string schema, BuildBudget budget, IBuildProgress? progress = null)
{
    public async Task RunAsync(IReadOnlyList<BuildStep> steps, IEnumerable<string> completeTables, CancellationToken cancellationToken)
    {
        var writersLeft = steps.SelectMany(s => s.Writes).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var complete = new HashSet<string>(completeTables);
        var pending = steps.ToList();
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A list, not a dictionary keyed by task: async methods that finish synchronously share one cached task.
        var running = new List<(Task Task, BuildStep Step)>();
        while (pending.Count > 0 || running.Count > 0)
        {
            while (running.Count < budget.Parallelism
                && pending.FirstOrDefault(s => s.Reads.All(t => complete.Contains(t) || !writersLeft.ContainsKey(t))) is { } ready)
            {
                pending.Remove(ready);
                progress?.StepStarted(ready.Name);
                running.Add((ExecuteAsync(ready, failure.Token), ready));
            }
            if (running.Count == 0)
                throw new InvalidOperationException($"Build steps wait on tables nothing writes: {string.Join(", ", pending.Select(p => p.Name))}");
            var done = await Task.WhenAny(running.Select(r => r.Task));
            var index = running.FindIndex(r => ReferenceEquals(r.Task, done));
            var step = running[index].Step;
            running.RemoveAt(index);
            await Finish(done, failure, running.Select(r => r.Task));
            progress?.StepFinished(step.Name);
            foreach (var table in step.Writes)
            {
                if (--writersLeft[table] == 0)
                    complete.Add(table);
            }
        }
    }

    private static async Task Finish(Task done, CancellationTokenSource failure, IEnumerable<Task> others)
    {
        try
        {
            await done;
        }
        catch
        {
            await failure.CancelAsync();
            await Task.WhenAll(others.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            throw;
        }
    }

    private async Task ExecuteAsync(BuildStep step, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Sent apart from the step: VACUUM must be a command of its own.
        await connection.ExecuteAsync(new CommandDefinition(budget.SessionSettings, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(step.Sql.Replace("{s}", schema, StringComparison.Ordinal), commandTimeout: 0,
            cancellationToken: cancellationToken));
    }
}
