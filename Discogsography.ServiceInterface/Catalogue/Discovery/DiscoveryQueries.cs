using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>
/// The discovery routes that read precomputed tables (REFERENCE-UPSTREAM.md §A.3–§A.7): each answer is a few index
/// lookups, whatever the size of the catalogue or the entity. Ties are broken by name in code-point order, or by id.
/// </summary>
public sealed class DiscoveryQueries(NpgsqlDataSource database)
{
    /// <summary>Genres with at least one release, most releases first; their co-occurring styles likewise.</summary>
    public async Task<GenreTreeResponse> GenreTreeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Genre, int GenreReleases, string? Style, int? StyleReleases)>(new CommandDefinition("""
            SELECT g.name, s.releases, st.name, gs.release_count
            FROM graph.genres g JOIN graph.genre_stats s ON s.genre_id = g.id AND s.releases > 0
            LEFT JOIN graph.genre_styles gs ON gs.genre_id = g.id LEFT JOIN graph.styles st ON st.id = gs.style_id
            ORDER BY s.releases DESC, g.name COLLATE "C", gs.release_count DESC, st.name COLLATE "C"
            """, cancellationToken: cancellationToken));
        var genres = rows.GroupBy(r => (r.Genre, r.GenreReleases)).Select(g => new GenreTreeGenre
        {
            Name = g.Key.Genre,
            ReleaseCount = g.Key.GenreReleases,
            Styles = g.Where(r => r.Style is not null)
                .Select(r => new GenreTreeStyle { Name = r.Style!, ReleaseCount = r.StyleReleases!.Value }).ToList(),
        });
        return new GenreTreeResponse { Genres = genres.ToList() };
    }

    /// <summary>The oldest and newest dated release's years, clamped into 1900..2030; nulls when nothing is dated.</summary>
    public async Task<YearRangeResponse> YearRangeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var (min, max) = await connection.QuerySingleAsync<(int? Min, int? Max)>(new CommandDefinition(
            "SELECT min(year), max(year) FROM graph.release_years WHERE year > 0", cancellationToken: cancellationToken));
        return new YearRangeResponse { MinYear = Clamp(min), MaxYear = Clamp(max) };
    }

    private static int? Clamp(int? year) => year is { } y ? Math.Clamp(y, 1900, 2030) : null;

    /// <summary>Genres and styles first dated no later than <paramref name="beforeYear"/>, oldest first, then by name.</summary>
    public async Task<GenreEmergenceResponse> EmergenceAsync(int beforeYear, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Kind, string Name, int FirstYear)>(new CommandDefinition("""
            SELECT kind, name, first_year FROM graph.first_years WHERE first_year <= @beforeYear ORDER BY kind, first_year, name COLLATE "C"
            """, new { beforeYear }, cancellationToken: cancellationToken))).ToList();
        List<EmergedTag> Of(string kind) =>
            rows.Where(r => r.Kind == kind).Select(r => new EmergedTag { Name = r.Name, FirstYear = r.FirstYear }).ToList();
        return new GenreEmergenceResponse { Genres = Of("g"), Styles = Of("s") };
    }

    /// <summary>Entity counts, stubs included; zeros before any import.</summary>
    public async Task<GraphStatsResponse> StatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QuerySingleOrDefaultAsync<GraphCounts>(new CommandDefinition(
            "SELECT artists, labels, releases, masters, genres, styles FROM graph.entity_counts", cancellationToken: cancellationToken))
                ?? new GraphCounts();
        return new GraphStatsResponse
        {
            TotalEntities = counts.Artists + counts.Labels + counts.Releases + counts.Masters + counts.Genres + counts.Styles,
            Counts = counts,
        };
    }

    /// <summary>The artist's name (null for a stub without one), or not found.</summary>
    public async Task<(bool Found, string? Name)> ArtistAsync(long artistId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var name = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT name FROM graph.artists WHERE id = @artistId", new { artistId }, cancellationToken: cancellationToken));
        return (name is not null, name?.Length > 0 ? name : null);
    }

    /// <summary>The first <paramref name="limit"/> collaborators with their years, and how many there are.</summary>
    public async Task<(List<Collaborator> Collaborators, int Total)> CollaboratorsAsync(long artistId, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var top = (await connection.QueryAsync<(long OtherId, string? Name, int ReleaseCount, int FirstYear, int LastYear)>(new CommandDefinition("""
            SELECT c.other_id, a.name, c.release_count, c.first_year, c.last_year
            FROM graph.collaborators c LEFT JOIN graph.artists a ON a.id = c.other_id
            WHERE c.artist_id = @artistId AND c.pos <= @limit ORDER BY c.pos
            """, new { artistId, limit }, cancellationToken: cancellationToken))).ToList();
        var years = (await connection.QueryAsync<(long OtherId, int Year, int Releases)>(new CommandDefinition("""
            SELECT c.other_id, c.year, c.releases FROM unnest(@others) AS o(id) JOIN graph.collaborations c ON c.artist_id = @artistId AND c.other_id = o.id
            ORDER BY c.other_id, c.year
            """, new { artistId, others = top.Select(t => t.OtherId).ToArray() }, cancellationToken: cancellationToken))).ToLookup(y => y.OtherId);
        // Positions run 1..n per artist: the last one is the count, read from the end of the index.
        var total = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT max(pos) FROM graph.collaborators WHERE artist_id = @artistId", new { artistId },
            cancellationToken: cancellationToken)) ?? 0;
        return (top.Select(t => new Collaborator
        {
            ArtistId = t.OtherId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ArtistName = t.Name?.Length > 0 ? t.Name : null,
            ReleaseCount = t.ReleaseCount,
            FirstYear = t.FirstYear,
            LastYear = t.LastYear,
            YearlyCounts = years[t.OtherId].Select(y => new YearCount { Year = y.Year, Count = y.Releases }).ToList(),
        }).ToList(), total);
    }
}
