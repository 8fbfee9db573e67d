using Dapper;
using Discogsography.ServiceInterface.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>What an import did.</summary>
public sealed record ImportOutcome(Guid ImportId, IReadOnlyList<FileLoadResult> Files, TimeSpan Elapsed);

/// <summary>Another import holds the import lock.</summary>
public sealed class ImportInProgressException() : Exception("Another catalogue import is running; try again when it has finished.");

/// <summary>
/// Imports dump files into the catalogue with an atomic switch: the files are copied into a staging schema
/// cloned from the live <c>graph</c> schema, source tables of kinds not being imported are carried over, every
/// query table is rebuilt and indexed there, and the schemas are swapped in one transaction. Queries see the old
/// catalogue or the new one, never a half-imported one; a failure leaves the old one serving. In a host it works
/// on the import pool (<see cref="PostgresDataSource.Import"/>): one connection holds the lock, the loader opens one
/// per table of the file (at most five), the build as many as its <see cref="BuildBudget"/> allows.
/// </summary>
public sealed class CatalogueImporter([FromKeyedServices(PostgresDataSource.Import)] NpgsqlDataSource database, TimeProvider time,
    BuildBudget budget,
    CatalogueShape shape)
{
    public const string LiveSchema = "graph";
    public const string StagingSchema = "graph_staging";
    private const string RetiredSchema = "graph_retired";

    /// <summary>Serializes imports across processes: "DGIMPORT" as a 64-bit integer.</summary>
    public const long ImportLockKey = 0x4447494D504F5254;

    /// <summary>Imports <paramref name="files"/>; <paramref name="origin"/> says who asked (shown by the Admin).</summary>
    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<DumpFile> files, string origin, IImportProgress progress,
        CancellationToken cancellationToken)
    {
        Validate(files);
        var started = time.GetTimestamp();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)",
            new { key = ImportLockKey }, cancellationToken: cancellationToken)))
            throw new ImportInProgressException();
        try
        {
            var loads = await BuildStagingAsync(connection, files, progress, cancellationToken);
            var importId = Guid.NewGuid();
            await RecordAsync(connection, importId, origin, loads, cancellationToken);
            progress.Phase("switching to the new catalogue");
            await SwitchAsync(connection, cancellationToken);
            progress.Finished(succeeded: true);
            return new ImportOutcome(importId, loads, time.GetElapsedTime(started));
        }
        catch
        {
            progress.Finished(succeeded: false);
            await Execute(connection, $"DROP SCHEMA IF EXISTS {StagingSchema} CASCADE", CancellationToken.None);
            throw;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = ImportLockKey });
        }
    }

    private async Task<List<FileLoadResult>> BuildStagingAsync(NpgsqlConnection connection, IReadOnlyList<DumpFile> files,
        IImportProgress progress,
        CancellationToken cancellationToken)
    {
        await CreateStagingAsync(connection, cancellationToken);
        var loads = new List<FileLoadResult>();
        foreach (var file in files)
            loads.Add(await DumpLoader.LoadAsync(file, database, StagingSchema, progress, cancellationToken));
        foreach (var kind in Enum.GetValues<DumpKind>().Except(files.Select(f => f.Kind)))
        {
            foreach (var table in RecordParser.TablesOf(kind))
                await Execute(connection, $"INSERT INTO {StagingSchema}.{table.Name} SELECT * FROM {LiveSchema}.{table.Name}",
                    cancellationToken);
        }
        await CatalogueBuild.RunAsync(database, StagingSchema, LiveSchema, budget, shape, progress, cancellationToken);
        return loads;
    }

    /// <summary>An empty staging schema with the live schema's tables (columns and defaults; indexes come after the data).</summary>
    private static async Task CreateStagingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await Execute(connection, $"DROP SCHEMA IF EXISTS {StagingSchema} CASCADE; CREATE SCHEMA {StagingSchema}", cancellationToken);
        foreach (var table in await connection.QueryAsync<string>(new CommandDefinition(
                     "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = @LiveSchema ORDER BY tablename", new { LiveSchema },
                     cancellationToken: cancellationToken)))
            await Execute(connection, $"CREATE TABLE {StagingSchema}.{table} (LIKE {LiveSchema}.{table} INCLUDING DEFAULTS)",
                cancellationToken);
    }

    private async Task RecordAsync(NpgsqlConnection connection, Guid importId, string origin, List<FileLoadResult> loads,
        CancellationToken cancellationToken)
    {
        var files = loads.ToDictionary(l => l.File.Kind.ToString().ToLowerInvariant(),
            l => new { file = Path.GetFileName(l.File.Path), path = l.File.Path, records = l.Records });
        var counts = await connection.QuerySingleAsync<CatalogueCounts>(new CommandDefinition($"""
            SELECT (SELECT count(*) FROM {StagingSchema}.artists) AS artists, (SELECT count(*) FROM {StagingSchema}.labels) AS labels,
                   (SELECT count(*) FROM {StagingSchema}.masters) AS masters, (SELECT count(*) FROM {StagingSchema}.releases) AS releases,
                   (SELECT count(*) FROM {StagingSchema}.genres) AS genres, (SELECT count(*) FROM {StagingSchema}.styles) AS styles
            """, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {StagingSchema}.catalog_info (import_id, imported_at, files, counts, origin) VALUES (@importId, @now, @files::jsonb, @counts::jsonb, @origin)",
            new { importId, origin, now = time.GetUtcNow(), files = System.Text.Json.JsonSerializer.Serialize(files),
                counts = System.Text.Json.JsonSerializer.Serialize(counts) },
            cancellationToken: cancellationToken));
    }

    /// <summary>The swap: renaming schemas is transactional, so readers see one catalogue or the other.</summary>
    private static async Task SwitchAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await Execute(connection, $"""
            BEGIN;
            DROP SCHEMA IF EXISTS {RetiredSchema} CASCADE;
            ALTER SCHEMA {LiveSchema} RENAME TO {RetiredSchema};
            ALTER SCHEMA {StagingSchema} RENAME TO {LiveSchema};
            COMMIT;
            """, cancellationToken);
        await Execute(connection, $"DROP SCHEMA {RetiredSchema} CASCADE", CancellationToken.None);
    }

    private sealed record CatalogueCounts(long Artists, long Labels, long Masters, long Releases, long Genres, long Styles);

    private static void Validate(IReadOnlyList<DumpFile> files)
    {
        if (files.Count == 0)
            throw new DumpFormatException("No dump files to import.");
        var twice = files.GroupBy(f => f.Kind).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new DumpFormatException($"Two {twice.Key.ToString().ToLowerInvariant()} files given: {string.Join(", ", twice.Select(f => Path.GetFileName(f.Path)))}");
    }

    private static Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0, cancellationToken: cancellationToken));
}
