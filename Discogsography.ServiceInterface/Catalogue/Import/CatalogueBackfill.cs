using Dapper;
using Discogsography.ServiceInterface.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>
/// Builds, in place, the tables a migration added to a catalogue imported before it (the discovery tables of
/// migration 0010), so an upgraded instance answers the new routes without a new import. It runs after migrations,
/// under the import lock (an import running meanwhile builds them itself), and only when the live catalogue has none.
/// </summary>
public sealed partial class CatalogueBackfill(
    [FromKeyedServices(PostgresDataSource.Import)] NpgsqlDataSource database, BuildBudget budget, CatalogueShape shape,
    ILogger<CatalogueBackfill> logger)
{
    /// <summary>The tables it builds.</summary>
    public static IReadOnlyList<string> Tables { get; } = DiscoveryBuild.Steps.SelectMany(s => s.Writes).Distinct().ToList();

    /// <summary>Builds what is missing; true when it built anything.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)",
            new { key = CatalogueImporter.ImportLockKey },
                cancellationToken: cancellationToken)))
            return false;
        try
        {
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
                    SELECT EXISTS (SELECT 1 FROM graph.catalog_info) AND NOT EXISTS (SELECT 1 FROM graph.entity_counts)
                    """, cancellationToken: cancellationToken)))
                return false;
            LogStarted(logger);
            var steps = CatalogueBuild.Shaped(DiscoveryBuild.Steps, shape);
            var statistics = Tables.Select(t => new BuildStep("statistics " + t, [], [t], $"VACUUM (ANALYZE) {{s}}.{t}"));
            await new BuildScheduler(database, CatalogueImporter.LiveSchema, budget).RunAsync([.. steps, .. statistics], [],
                cancellationToken);
            LogFinished(logger, Tables.Count);
            return true;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = CatalogueImporter.ImportLockKey });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The live catalogue predates the discovery tables: building them now (once; a few minutes on a large catalogue)")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built {Tables} discovery tables of the live catalogue")]
    private static partial void LogFinished(ILogger logger, int tables);
}
