using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue;

/// <summary>
/// The catalogue graph in PostgreSQL schema <c>graph</c>: every answer is an index lookup on tables the importer
/// precomputed (category counts, pair counts, per-year counts), so cost does not grow with the entity's size.
/// </summary>
public sealed class PostgresGraphStore(NpgsqlDataSource database) : IGraphStore
{
    public async Task<Guid?> CatalogueVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT import_id FROM graph.catalog_info LIMIT 1", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AutocompleteResult>> AutocompleteAsync(GraphKind kind, string query, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await NameAutocomplete.FindAsync(connection, kind, query, limit, cancellationToken);
    }

    public async Task<ExploreResponse?> ExploreAsync(GraphKind kind, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await ResolveAsync(connection, kind, name, cancellationToken) is not { } entity)
            return null;
        var columns = string.Join(", ", kind.Categories.Select(c => c.StatsColumn));
        var counts = await connection.QuerySingleOrDefaultAsync<int[]>(new CommandDefinition(
            $"SELECT ARRAY[{columns}] FROM graph.{kind.StatsTable} WHERE {kind.Key} = @id", new { id = entity.Id },
            cancellationToken: cancellationToken));
        return new ExploreResponse
        {
            Center = new ExploreCenter { Id = kind.NumericId
                ? entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : entity.Name, Name = entity.Name,
                    Type = kind.Name },
            Categories = kind.Categories.Select((c, i) => new ExploreCategory
            {
                Id = "cat-" + c.Category, Name = c.Label, Category = c.Category, Count = counts?[i] ?? 0,
            }).ToList(),
        };
    }

    public async Task<(IReadOnlyList<ExpandChild> Children, int Total)> ExpandAsync(GraphKind kind, GraphCategory category,
        string parentName, int limit, int offset,
        int? beforeYear, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await ResolveAsync(connection, kind, parentName, cancellationToken) is not { } parent)
            return ([], 0);
        if (beforeYear is { } before && category.BeforeYearSql is { } sql)
        {
            var rows = (await connection.QueryAsync<BeforeYearRow>(new CommandDefinition(sql,
                new { parent = parent.Id, limit, offset, before },
                cancellationToken: cancellationToken))).AsList();
            return (rows.Where(r => r.Id is not null).Select(r => Child(r.Id!, r.Name!, r.Type!, r.Year, r.ReleaseCount)).ToList(),
                rows.FirstOrDefault()?.Total ?? 0);
        }
        var children = await connection.QueryAsync<ChildRow>(new CommandDefinition(category.ChildrenSql,
            new { parent = parent.Id, limit, offset },
            cancellationToken: cancellationToken));
        var total = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            $"SELECT {category.StatsColumn} FROM graph.{kind.StatsTable} WHERE {kind.Key} = @id", new { id = parent.Id },
            cancellationToken: cancellationToken));
        return (children.Select(c => Child(c.Id, c.Name, c.Type, c.Year, c.ReleaseCount)).ToList(), total ?? 0);
    }

    private static ExpandChild Child(string id, string name, string type, int? year, int? releaseCount) =>
        new() { Id = id, Name = name, Type = type, Year = year, ReleaseCount = releaseCount };

    public Task<NodeDetails?> NodeAsync(string type, string nodeId, CancellationToken cancellationToken) =>
        GraphNodeQueries.FindAsync(database, type, nodeId, cancellationToken);

    public async Task<IReadOnlyList<TrendPoint>> TrendsAsync(GraphKind kind, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await ResolveAsync(connection, kind, name, cancellationToken) is not { } entity)
            return [];
        return (await connection.QueryAsync<TrendPoint>(new CommandDefinition(
            $"SELECT year, releases AS count FROM graph.{kind.YearsTable} WHERE {kind.Key} = @id ORDER BY year",
            new { id = entity.Id }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The entity with this exact name; the lowest id when names repeat (Discogs has many "John Smith"s).</summary>
    internal static Task<Entity?> ResolveAsync(NpgsqlConnection connection, GraphKind kind, string name,
        CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<Entity>(new CommandDefinition(kind.NumericId
            ? $"""SELECT id, name FROM graph.{kind.Table} WHERE name COLLATE "C" = @name ORDER BY name COLLATE "C", id LIMIT 1"""
            : $"SELECT id::bigint AS id, name FROM graph.{kind.Table} WHERE name = @name",
            new { name }, cancellationToken: cancellationToken));

    internal sealed record Entity(long Id, string Name);

    private sealed record ChildRow(string Id, string Name, string Type, int? Year, int? ReleaseCount);

    private sealed record BeforeYearRow(string? Id, string? Name, string? Type, int? Year, int? ReleaseCount, int Total);
}
