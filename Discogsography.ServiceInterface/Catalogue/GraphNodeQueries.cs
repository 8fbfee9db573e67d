using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue;

/// <summary>
/// <c>/api/node</c> (REFERENCE-API.md §9.6): an artist, label or release by id or by name/title (an id match wins,
/// then the lowest id), a genre or style by name; lists are distinct and sorted by name.
/// </summary>
internal static class GraphNodeQueries
{
    public static async Task<NodeDetails?> FindAsync(NpgsqlDataSource database, string type, string nodeId,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var id = long.TryParse(nodeId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var parsed) ? parsed : -1;
        return type switch
        {
            "artist" => await ArtistAsync(connection, id, nodeId, cancellationToken),
            "release" => await ReleaseAsync(connection, id, nodeId, cancellationToken),
            "label" => await LabelAsync(connection, id, nodeId, cancellationToken),
            _ => await NamedAsync(connection, type == "genre" ? GraphKind.Genre : GraphKind.Style, nodeId, cancellationToken),
        };
    }

    private static async Task<NodeDetails?> ArtistAsync(NpgsqlConnection connection, long id, string name,
        CancellationToken cancellationToken)
    {
        var artist = await connection.QueryFirstOrDefaultAsync<PostgresGraphStore.Entity>(new CommandDefinition("""
            SELECT id, name FROM graph.artists WHERE id = @id OR name COLLATE "C" = @name ORDER BY (id = @id) DESC, id LIMIT 1
            """, new { id, name }, cancellationToken: cancellationToken));
        if (artist is null)
            return null;
        using var details = await connection.QueryMultipleAsync(new CommandDefinition("""
            SELECT g.name FROM graph.artist_genres x JOIN graph.genres g ON g.id = x.genre_id WHERE x.artist_id = @id ORDER BY g.name COLLATE "C";
            SELECT s.name FROM graph.artist_styles x JOIN graph.styles s ON s.id = x.style_id WHERE x.artist_id = @id ORDER BY s.name COLLATE "C";
            SELECT COALESCE((SELECT releases FROM graph.artist_stats WHERE artist_id = @id), 0);
            SELECT a.name FROM graph.artist_links l JOIN graph.artists a ON a.id = l.other_id
            WHERE l.artist_id = @id AND l.kind = 'g' ORDER BY a.name COLLATE "C", a.id;
            """, new { id = artist.Id }, cancellationToken: cancellationToken));
        return new NodeDetails
        {
            NodeKind = "artist", Id = artist.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Name = artist.Name,
            Genres = (await details.ReadAsync<string>()).AsList(), Styles = (await details.ReadAsync<string>()).AsList(),
            ReleaseCount = await details.ReadSingleAsync<int>(), Groups = (await details.ReadAsync<string>()).AsList(),
        };
    }

    private static async Task<NodeDetails?> ReleaseAsync(NpgsqlConnection connection, long id, string title,
        CancellationToken cancellationToken)
    {
        var release = await connection.QueryFirstOrDefaultAsync<ReleaseRow>(new CommandDefinition("""
            SELECT id, COALESCE(title, '') AS title, year FROM graph.releases
            WHERE id = @id OR title COLLATE "C" = @title ORDER BY (id = @id) DESC, id LIMIT 1
            """, new { id, title }, cancellationToken: cancellationToken));
        if (release is null)
            return null;
        using var lists = await connection.QueryMultipleAsync(new CommandDefinition("""
            SELECT a.name FROM graph.release_artists x JOIN graph.artists a ON a.id = x.artist_id WHERE x.release_id = @id GROUP BY a.name ORDER BY a.name COLLATE "C";
            SELECT l.name FROM graph.release_labels x JOIN graph.labels l ON l.id = x.label_id WHERE x.release_id = @id GROUP BY l.name ORDER BY l.name COLLATE "C";
            SELECT g.name FROM graph.release_genres x JOIN graph.genres g ON g.id = x.genre_id WHERE x.release_id = @id ORDER BY g.name COLLATE "C";
            SELECT s.name FROM graph.release_styles x JOIN graph.styles s ON s.id = x.style_id WHERE x.release_id = @id ORDER BY s.name COLLATE "C";
            """, new { id = release.Id }, cancellationToken: cancellationToken));
        return new NodeDetails
        {
            NodeKind = "release", Id = release.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Name = release.Title,
                Year = release.Year,
            Artists = (await lists.ReadAsync<string>()).AsList(), Labels = (await lists.ReadAsync<string>()).AsList(),
            Genres = (await lists.ReadAsync<string>()).AsList(), Styles = (await lists.ReadAsync<string>()).AsList(),
        };
    }

    private static async Task<NodeDetails?> LabelAsync(NpgsqlConnection connection, long id, string name,
        CancellationToken cancellationToken)
    {
        var label = await connection.QueryFirstOrDefaultAsync<CountedRow>(new CommandDefinition("""
            SELECT l.id, l.name, COALESCE(s.releases, 0) AS count FROM graph.labels l LEFT JOIN graph.label_stats s ON s.label_id = l.id
            WHERE l.id = @id OR l.name COLLATE "C" = @name ORDER BY (l.id = @id) DESC, l.id LIMIT 1
            """, new { id, name }, cancellationToken: cancellationToken));
        return label is null ? null : new NodeDetails
        {
            NodeKind = "label", Id = label.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Name = label.Name,
                ReleaseCount = label.Count,
        };
    }

    private static async Task<NodeDetails?> NamedAsync(NpgsqlConnection connection, GraphKind kind, string name,
        CancellationToken cancellationToken)
    {
        var row = await connection.QueryFirstOrDefaultAsync<CountedRow>(new CommandDefinition($"""
            SELECT t.id::bigint AS id, t.name, COALESCE(s.artists, 0) AS count FROM graph.{kind.Table} t LEFT JOIN graph.{kind.StatsTable} s ON s.{kind.Key} = t.id
            WHERE t.name = @name
            """, new { name }, cancellationToken: cancellationToken));
        return row is null ? null : new NodeDetails { NodeKind = kind.Name, Id = row.Name, Name = row.Name, ArtistCount = row.Count };
    }

    private sealed record ReleaseRow(long Id, string Title, int? Year);

    private sealed record CountedRow(long Id, string Name, int Count);
}
