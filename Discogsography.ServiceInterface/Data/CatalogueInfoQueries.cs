using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>What the live catalogue's import recorded (<c>graph.catalog_info</c>).</summary>
public sealed class CatalogueInfoQueries(NpgsqlDataSource database)
{
    /// <summary>The counts and time of the live import, or zeros before the first one.</summary>
    public async Task<CatalogueFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CatalogueFigures>(new CommandDefinition("""
            SELECT imported_at, (counts->>'Artists')::bigint AS artists, (counts->>'Labels')::bigint AS labels,
                   (counts->>'Masters')::bigint AS masters, (counts->>'Releases')::bigint AS releases,
                   (counts->>'Genres')::bigint AS genres, (counts->>'Styles')::bigint AS styles
            FROM graph.catalog_info LIMIT 1
            """, cancellationToken: cancellationToken)) ?? new CatalogueFigures();
    }

    /// <summary>The live catalogue's import: when, by whom, from which files; null before the first import.</summary>
    public async Task<LiveCatalogue?> LiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LiveRow>(new CommandDefinition(
            "SELECT import_id, imported_at, origin, files::text AS files FROM graph.catalog_info LIMIT 1",
            cancellationToken: cancellationToken));
        if (row is null)
            return null;
        return new LiveCatalogue
        {
            ImportId = row.ImportId,
            ImportedAt = row.ImportedAt,
            Origin = row.Origin,
            Files = FilesOf(row.Files),
            Figures = await FiguresAsync(cancellationToken),
        };
    }

    /// <summary>The recorded files, <c>{"releases": {"file", "path", "records"}, ...}</c>, in dump order.</summary>
    private static List<ImportFileInfo> FilesOf(string json)
    {
        var files = JsonSerializer.Deserialize<Dictionary<string, RecordedFile>>(json) ?? [];
        return [.. files.OrderBy(f => Array.IndexOf(DumpKinds, f.Key)).Select(f => new ImportFileInfo
        {
            Kind = f.Key, Path = f.Value.Path ?? f.Value.File ?? "", Records = f.Value.Records,
        })];
    }

    private static readonly string[] DumpKinds = ["artists", "labels", "masters", "releases"];

    private sealed record LiveRow(Guid ImportId, DateTimeOffset ImportedAt, string? Origin, string Files);

    private sealed record RecordedFile(
        [property: JsonPropertyName("file")] string? File,
        [property: JsonPropertyName("path")] string? Path,
        [property: JsonPropertyName("records")] long? Records);
}
