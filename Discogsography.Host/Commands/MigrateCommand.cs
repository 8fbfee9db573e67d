using System.CommandLine;
using Discogsography.ServiceInterface.Maintenance;

namespace Discogsography.Host.Commands;

/// <summary><c>migrate</c>: applies pending SQL migrations and exits (needs only the POSTGRES_* variables).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations and exit.");
        command.SetAction((_, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            await using var services = await CommandServices.StartAsync(cancellationToken, migrate: false);
            var (outcome, backfilled) = await services.GetRequiredService<DatabaseUpgrade>().RunAsync(cancellationToken);
            if (backfilled.Count > 0)
                Console.WriteLine($"Built {string.Join(" and ", backfilled)} of the live catalogue.");
            Console.WriteLine(outcome.Applied.Count == 0
                ? $"Database is up to date ({outcome.AlreadyApplied.Count} migrations applied earlier)."
                : $"Applied {outcome.Applied.Count} migration(s): {string.Join(", ", outcome.Applied)}. Database is up to date.");
            return 0;
        }));
        return command;
    }
}
