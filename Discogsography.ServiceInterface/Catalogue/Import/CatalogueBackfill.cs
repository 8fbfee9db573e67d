using Dapper;
using Discogsography.ServiceInterface.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>
/// Builds, in place, the tables a migration added to a catalogue imported before it (the discovery tables of
/// migration 0010, the autocomplete words of 0014), so an upgraded instance answers as a fresh import would without a
/// new import. It runs after migrations, under the import lock (an import running meanwhile builds them itself), and
/// builds an addition only when the live catalogue lacks it.
/// </summary>
public sealed partial class CatalogueBackfill(
    [FromKeyedServices(PostgresDataSource.Import)] NpgsqlDataSource database, BuildBudget budget, CatalogueShape shape,
    ILogger<CatalogueBackfill> logger)
{
    /// <summary>What a migration added: its name in the log, its steps, and a condition true while the live catalogue lacks it.</summary>
    private sealed record Addition(string Name, IReadOnlyList<BuildStep> Steps, string LackedSql);

    private static readonly Addition[] Additions =
    [
        // entity_counts always has its one row in a built catalogue; some other discovery tables may rightly be empty.
        new("the discovery tables", DiscoveryBuild.Steps, "NOT EXISTS (SELECT 1 FROM graph.entity_counts)"),
        // Only words after the first are kept, so the table is rightly empty when no name has a second word.
        new("the autocomplete words", NameWordsBuild.Steps, """
            NOT EXISTS (SELECT 1 FROM graph.name_words)
            AND (EXISTS (SELECT 1 FROM graph.artists WHERE name LIKE '% _%') OR EXISTS (SELECT 1 FROM graph.labels WHERE name LIKE '% _%'))
            """),
    ];

    /// <summary>The tables it builds.</summary>
    public static IReadOnlyList<string> Tables { get; } = Additions.SelectMany(a => a.Steps).SelectMany(s => s.Writes).Distinct().ToList();

    /// <summary>Builds what is missing; the names of what it built ("the autocomplete words"), none when nothing was.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)",
            new { key = CatalogueImporter.ImportLockKey },
                cancellationToken: cancellationToken)))
            return [];
        try
        {
            var built = new List<string>();
            foreach (var addition in Additions)
            {
                var lacked = $"SELECT EXISTS (SELECT 1 FROM graph.catalog_info) AND {addition.LackedSql}";
                if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(lacked, cancellationToken: cancellationToken)))
                {
                    await BuildAsync(addition, cancellationToken);
                    built.Add(addition.Name);
                }
            }
            return built;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = CatalogueImporter.ImportLockKey });
        }
    }

    private async Task BuildAsync(Addition addition, CancellationToken cancellationToken)
    {
        LogStarted(logger, addition.Name);
        var tables = addition.Steps.SelectMany(s => s.Writes).Distinct().ToList();
        var statistics = tables.Select(t => new BuildStep("statistics " + t, [], [t], $"VACUUM (ANALYZE) {{s}}.{t}"));
        await new BuildScheduler(database, CatalogueImporter.LiveSchema, budget)
            .RunAsync([.. CatalogueBuild.Shaped(addition.Steps, shape), .. statistics], [], cancellationToken);
        LogFinished(logger, addition.Name, tables.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The live catalogue predates {Addition}: building them now (once; a few minutes on a large catalogue)")]
    private static partial void LogStarted(ILogger logger, string addition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built {Addition} of the live catalogue ({Tables} of its tables)")]
    private static partial void LogFinished(ILogger logger, string addition, int tables);
}
