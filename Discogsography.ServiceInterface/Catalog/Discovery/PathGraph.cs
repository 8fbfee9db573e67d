using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalog.Discovery;

/// <summary>A node of the path search: its kind (<c>a</c>rtist, <c>l</c>abel, <c>m</c>aster, <c>r</c>elease, <c>g</c>enre, <c>s</c>tyle) and id.</summary>
public readonly record struct PathKey(char Kind, long Id) : IComparable<PathKey>
{
    private const string KindOrder = "almrgs";

    public int CompareTo(PathKey other) =>
        KindOrder.IndexOf(Kind, StringComparison.Ordinal) != KindOrder.IndexOf(other.Kind, StringComparison.Ordinal)
            ? KindOrder.IndexOf(Kind, StringComparison.Ordinal).CompareTo(KindOrder.IndexOf(other.Kind, StringComparison.Ordinal))
            : Id.CompareTo(other.Id);
}

/// <summary>An undirected edge of the catalogue graph as the path search meets it.</summary>
public readonly record struct PathEdge(PathKey From, PathKey To, string Rel);

/// <summary>
/// The catalogue as the graph the path search walks (REFERENCE-UPSTREAM.md §A.2): artists BY-linked to releases,
/// labels ON them, genres and styles they ARE, masters they DERIVE FROM, artists ALIAS_OF or MEMBER_OF artists. A hub
/// (<c>graph.path_hubs</c>) is never asked for its releases: it leads only to the releases it shares with other hubs
/// (<c>graph.hub_links</c>, one each, the lowest id); every other release of a hub is reached from its other side.
/// </summary>
public sealed class PathGraph(NpgsqlDataSource database)
{
    private const string NeighboursSql = """
        WITH hubs AS (
            SELECT kind, id FROM graph.path_hubs
            WHERE (kind = 'a' AND id = ANY(@artists)) OR (kind = 'l' AND id = ANY(@labels)) OR (kind = 's' AND id = ANY(@styles)) OR (kind = 'g' AND id = ANY(@genres)))
        SELECT 'a' AS from_kind, x.artist_id AS from_id, 'r' AS to_kind, x.release_id AS to_id, 'BY' AS rel FROM graph.release_artists x
        WHERE x.artist_id = ANY(@artists) AND NOT EXISTS (SELECT 1 FROM hubs WHERE hubs.kind = 'a' AND hubs.id = x.artist_id)
        UNION ALL SELECT 'a', l.artist_id, 'a', l.other_id, CASE l.kind WHEN 'a' THEN 'ALIAS_OF' ELSE 'MEMBER_OF' END FROM graph.artist_links l
        WHERE l.artist_id = ANY(@artists)
        UNION ALL SELECT 'l', x.label_id, 'r', x.release_id, 'ON' FROM graph.release_labels x
        WHERE x.label_id = ANY(@labels) AND NOT EXISTS (SELECT 1 FROM hubs WHERE hubs.kind = 'l' AND hubs.id = x.label_id)
        UNION ALL SELECT 's', x.style_id, 'r', x.release_id, 'IS' FROM graph.release_styles x
        WHERE x.style_id = ANY(@styles) AND NOT EXISTS (SELECT 1 FROM hubs WHERE hubs.kind = 's' AND hubs.id = x.style_id)
        UNION ALL SELECT 'm', r.master_id, 'r', r.id, 'DERIVED_FROM' FROM graph.releases r WHERE r.master_id = ANY(@masters)
        UNION ALL SELECT h.hub_kind, h.hub_id, 'r', h.release_id, CASE h.hub_kind WHEN 'a' THEN 'BY' WHEN 'l' THEN 'ON' ELSE 'IS' END
        FROM graph.hub_links h JOIN hubs ON hubs.kind = h.hub_kind AND hubs.id = h.hub_id
        UNION ALL SELECT 'r', x.release_id, 'a', x.artist_id, 'BY' FROM graph.release_artists x WHERE x.release_id = ANY(@releases)
        UNION ALL SELECT 'r', x.release_id, 'l', x.label_id, 'ON' FROM graph.release_labels x WHERE x.release_id = ANY(@releases)
        UNION ALL SELECT 'r', x.release_id, 'g', x.genre_id, 'IS' FROM graph.release_genres x WHERE x.release_id = ANY(@releases)
        UNION ALL SELECT 'r', x.release_id, 's', x.style_id, 'IS' FROM graph.release_styles x WHERE x.release_id = ANY(@releases)
        UNION ALL SELECT 'r', r.id, 'm', r.master_id, 'DERIVED_FROM' FROM graph.releases r WHERE r.id = ANY(@releases) AND r.master_id IS NOT NULL
        """;

    /// <summary>Every edge from the given nodes (a hub's only to its links' releases), in one statement.</summary>
    public async Task<IReadOnlyList<PathEdge>> NeighboursAsync(IReadOnlyCollection<PathKey> nodes, CancellationToken cancellationToken)
    {
        long[] Of(char kind) => nodes.Where(n => n.Kind == kind).Select(n => n.Id).ToArray();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string FromKind, long FromId, string ToKind, long ToId, string Rel)>(new CommandDefinition(NeighboursSql, new
        {
            artists = Of('a'), labels = Of('l'), masters = Of('m'), releases = Of('r'), genres = Of('g'), styles = Of('s'),
        }, commandTimeout: 0, cancellationToken: cancellationToken));
        return rows.Select(r => new PathEdge(new PathKey(r.FromKind[0], r.FromId), new PathKey(r.ToKind[0], r.ToId), r.Rel)).ToList();
    }

    /// <summary>The names of <paramref name="nodes"/> (titles for releases and masters; empty when unknown).</summary>
    public async Task<Dictionary<PathKey, string>> NamesAsync(IReadOnlyCollection<PathKey> nodes, CancellationToken cancellationToken)
    {
        long[] Of(char kind) => nodes.Where(n => n.Kind == kind).Select(n => n.Id).ToArray();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kind, long Id, string? Name)>(new CommandDefinition("""
            SELECT 'a', id, name FROM graph.artists WHERE id = ANY(@artists)
            UNION ALL SELECT 'l', id, name FROM graph.labels WHERE id = ANY(@labels)
            UNION ALL SELECT 'm', id, title FROM graph.masters WHERE id = ANY(@masters)
            UNION ALL SELECT 'r', id, title FROM graph.releases WHERE id = ANY(@releases)
            UNION ALL SELECT 'g', id, name FROM graph.genres WHERE id = ANY(@genres)
            UNION ALL SELECT 's', id, name FROM graph.styles WHERE id = ANY(@styles)
            """, new { artists = Of('a'), labels = Of('l'), masters = Of('m'), releases = Of('r'), genres = Of('g'), styles = Of('s') },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => new PathKey(r.Kind[0], r.Id), r => r.Name ?? "");
    }
}
