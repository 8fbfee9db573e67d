using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>A node of the path search: its kind (<c>a</c>rtist, <c>l</c>abel, <c>m</c>aster, <c>r</c>elease,
/// <c>g</c>enre, <c>s</c>tyle) and id.</summary>
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
public sealed class PathGraph(NpgsqlDataSource database, CatalogueVersion catalogue)
{
    /// <summary>Edges from plain nodes (all of them) and from hubs (only to the releases they share with other hubs).</summary>
    private const string NeighboursSql = """
        SELECT 'a' AS from_kind, x.artist_id AS from_id, 'r' AS to_kind, x.release_id AS to_id, 'BY' AS rel FROM graph.release_artists x
        WHERE x.artist_id = ANY(@artists)
        UNION ALL SELECT 'a', l.artist_id, 'a', l.other_id, CASE l.kind WHEN 'a' THEN 'ALIAS_OF' ELSE 'MEMBER_OF' END FROM graph.artist_links l
        WHERE l.artist_id = ANY(@linkedArtists)
        UNION ALL SELECT 'l', x.label_id, 'r', x.release_id, 'ON' FROM graph.release_labels x WHERE x.label_id = ANY(@labels)
        UNION ALL SELECT 's', x.style_id, 'r', x.release_id, 'IS' FROM graph.release_styles x WHERE x.style_id = ANY(@styles)
        UNION ALL SELECT 'm', r.master_id, 'r', r.id, 'DERIVED_FROM' FROM graph.releases r WHERE r.master_id = ANY(@masters)
        UNION ALL SELECT h.hub_kind, h.hub_id, 'r', h.release_id, CASE h.hub_kind WHEN 'a' THEN 'BY' WHEN 'l' THEN 'ON' ELSE 'IS' END
        FROM unnest(@hubKinds::text[], @hubIds) AS hub(kind, id) JOIN graph.hub_links h ON h.hub_kind = hub.kind::char AND h.hub_id = hub.id
        UNION ALL SELECT 'r', x.release_id, 'a', x.artist_id, 'BY' FROM graph.release_artists x WHERE x.release_id = ANY(@releases)
        UNION ALL SELECT 'r', x.release_id, 'l', x.label_id, 'ON' FROM graph.release_labels x WHERE x.release_id = ANY(@releases)
        UNION ALL SELECT 'r', x.release_id, 'g', x.genre_id, 'IS' FROM graph.release_genres x WHERE x.release_id = ANY(@releases)
        UNION ALL SELECT 'r', x.release_id, 's', x.style_id, 'IS' FROM graph.release_styles x WHERE x.release_id = ANY(@releases)
        UNION ALL SELECT 'r', r.id, 'm', r.master_id, 'DERIVED_FROM' FROM graph.releases r WHERE r.id = ANY(@releases) AND r.master_id IS NOT NULL
        """;

    private readonly SemaphoreSlim loading = new(1, 1);
    private (Guid? Catalogue, HashSet<PathKey> Hubs)? hubs;

    /// <summary>Every edge from the given nodes (a hub's only to its links' releases), in one statement.</summary>
    public async Task<IReadOnlyList<PathEdge>> NeighboursAsync(IReadOnlyCollection<PathKey> nodes, CancellationToken cancellationToken)
    {
        var hubSet = await HubsAsync(cancellationToken);
        var (hubNodes, plain) = (nodes.Where(hubSet.Contains).ToList(), nodes.Where(n => !hubSet.Contains(n)).ToList());
        long[] Of(char kind) => plain.Where(n => n.Kind == kind).Select(n => n.Id).ToArray();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string FromKind, long FromId, string ToKind, long ToId, string Rel)>(new CommandDefinition(NeighboursSql, new
        {
            artists = Of('a'), labels = Of('l'), masters = Of('m'), releases = Of('r'), styles = Of('s'),
            linkedArtists = nodes.Where(n => n.Kind == 'a').Select(n => n.Id).ToArray(),
            hubKinds = hubNodes.Select(n => n.Kind.ToString()).ToArray(), hubIds = hubNodes.Select(n => n.Id).ToArray(),
        }, commandTimeout: 0, cancellationToken: cancellationToken));
        return rows.Select(r => new PathEdge(new PathKey(r.FromKind[0], r.FromId), new PathKey(r.ToKind[0], r.ToId), r.Rel)).ToList();
    }

    /// <summary>The live catalogue's hubs, read once per catalogue (a few hundred rows on a million releases).</summary>
    private async Task<HashSet<PathKey>> HubsAsync(CancellationToken cancellationToken)
    {
        var live = await catalogue.CurrentAsync(cancellationToken);
        if (hubs is { } known && known.Catalogue == live)
            return known.Hubs;
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (hubs is { } loaded && loaded.Catalogue == live)
                return loaded.Hubs;
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            var set = (await connection.QueryAsync<(string Kind, long Id)>(new CommandDefinition("SELECT kind, id FROM graph.path_hubs",
                cancellationToken: cancellationToken))).Select(h => new PathKey(h.Kind[0], h.Id)).ToHashSet();
            hubs = (live, set);
            return set;
        }
        finally
        {
            loading.Release();
        }
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
