using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Health;

/// <summary>Asks PostgreSQL and the key-value store whether they answer, each within <see cref="Timeout"/>.</summary>
public sealed class DependencyProbe(NpgsqlDataSource database, IKeyValueStore store)
{
    /// <summary>How long each probe may take before the dependency counts as down.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>One status per dependency: <c>postgres</c>, then <c>redis</c>.</summary>
    public async Task<IReadOnlyList<DependencyStatus>> CheckAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(
            ProbeAsync("postgres", PingDatabaseAsync, null, cancellationToken),
            ProbeAsync("redis", store.PingAsync, store.Kind == "redis" ? null : "in-memory store (REDIS_HOST not set)", cancellationToken));

    /// <summary>The display name of a dependency.</summary>
    public static string Display(string name) => name == "postgres" ? "PostgreSQL" : "Redis";

    private async Task PingDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<DependencyStatus> ProbeAsync(string name, Func<CancellationToken, Task> probe, string? upDetail,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await probe(timeout.Token);
            return new DependencyStatus { Name = name, Status = "up", Detail = upDetail };
        }
        catch (Exception e) when (e is DependencyUnavailableException or NpgsqlException or OperationCanceledException or TimeoutException
                                  && !cancellationToken.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message;
            return new DependencyStatus { Name = name, Status = "down", Detail = $"{Display(name)}: {reason}" };
        }
    }
}
