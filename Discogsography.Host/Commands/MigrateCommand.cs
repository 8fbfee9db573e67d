using System.CommandLine;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Discogsography.Host.Commands;

/// <summary><c>migrate</c>: applies pending SQL migrations and exits (needs only the POSTGRES_* variables).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations and exit.");
        command.SetAction((_, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            var postgres = AppSettingsLoader.LoadPostgres(EnvironmentReader.FromProcess());
            await using var dataSource = PostgresDataSource.Create(postgres);
            var outcome = await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
            Console.WriteLine(outcome.Applied.Count == 0
                ? $"Database is up to date ({outcome.AlreadyApplied.Count} migrations applied earlier)."
                : $"Applied {outcome.Applied.Count} migration(s): {string.Join(", ", outcome.Applied)}. Database is up to date.");
            return 0;
        }));
        return command;
    }
}
