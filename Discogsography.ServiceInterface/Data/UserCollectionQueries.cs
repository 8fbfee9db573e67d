using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>Whether a user owns or wants a release.</summary>
public sealed record ReleaseOwnershipRow
{
    public long ReleaseId { get; init; }
    public bool InCollection { get; init; }
    public bool InWantlist { get; init; }
}

/// <summary>
/// The personalized reads (REFERENCE-API.md §8) over <c>user_collections</c> / <c>user_wantlists</c> joined with the
/// catalogue graph. Every synced item is listed (the reference dropped those missing from its graph). For an item
/// whose release is in the catalogue, title, year, artist and label come from the catalogue, as the reference reads
/// them from its graph: the year is the master's (else the release date's), the artist and the label are the
/// release's credits with the lowest id. Only items the catalogue lacks show what Discogs sent. Ties are broken by
/// id so every answer is deterministic.
/// </summary>
public sealed class UserCollectionQueries(NpgsqlDataSource database)
{
    /// <summary>The catalogue's lowest-id artist credit of release <c>{0}</c>.</summary>
    private const string FirstArtist = """
        (SELECT a.name FROM graph.release_artists ra JOIN graph.artists a ON a.id = ra.artist_id WHERE ra.release_id = {0} ORDER BY ra.artist_id LIMIT 1)
        """;

    /// <summary>The catalogue's lowest-id label credit of release <c>{0}</c>.</summary>
    private const string FirstLabel = """
        (SELECT l.name FROM graph.release_labels rl JOIN graph.labels l ON l.id = rl.label_id WHERE rl.release_id = {0} ORDER BY rl.label_id LIMIT 1)
        """;

    /// <summary>
    /// Title, year, artist and label of a synced item <c>{0}</c> (with Discogs' label in <c>{1}</c>) joined to the
    /// catalogue's release <c>r</c>: the catalogue's when it has the release, Discogs' otherwise.
    /// </summary>
    private const string ListedFields = """
        CASE WHEN r.id IS NULL THEN {0}.title ELSE r.title END AS title,
        CASE WHEN r.id IS NULL THEN NULLIF({0}.year, 0) ELSE r.year END AS year,
        CASE WHEN r.id IS NULL THEN NULLIF({0}.artist, '') ELSE {2} END AS artist,
        CASE WHEN r.id IS NULL THEN {1} ELSE {3} END AS label
        """;

    private static string Listed(string item, string discogsLabel) =>
        string.Format(ListedFields, item, discogsLabel, string.Format(FirstArtist, item + ".release_id"),
            string.Format(FirstLabel, item + ".release_id"));

    /// <summary>A page of the collection, newest additions first (undated first, as Neo4j sorts nulls in DESC), and the total.</summary>
    public async Task<(IReadOnlyList<CollectionItem> Items, int Total)> CollectionPageAsync(Guid userId, int offset, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var items = await connection.QueryAsync<CollectionItem>(new CommandDefinition($"""
            SELECT c.release_id::text AS id, {Listed("c", "NULLIF(c.label, '')")}, c.rating, c.date_added, c.folder_id
            FROM user_collections c LEFT JOIN graph.releases r ON r.id = c.release_id
            WHERE c.user_id = @userId
            ORDER BY c.date_added DESC NULLS FIRST, c.release_id, c.instance_id NULLS LAST
            LIMIT @limit OFFSET @offset
            """, new { userId, limit, offset }, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM user_collections WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>A page of the wantlist, newest additions first, and the total.</summary>
    public async Task<(IReadOnlyList<WantlistItem> Items, int Total)> WantlistPageAsync(Guid userId, int offset, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var items = await connection.QueryAsync<WantlistItem>(new CommandDefinition($"""
            SELECT w.release_id::text AS id, {Listed("w", "NULL::text")}, w.rating, w.date_added
            FROM user_wantlists w LEFT JOIN graph.releases r ON r.id = w.release_id
            WHERE w.user_id = @userId
            ORDER BY w.date_added DESC NULLS FIRST, w.release_id
            LIMIT @limit OFFSET @offset
            """, new { userId, limit, offset }, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM user_wantlists WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken));
        return (items.AsList(), total);
    }

    /// <summary>
    /// Releases by the 10 artists the user collected most (one count per collected copy and credit; ties by artist id),
    /// that the user neither owns nor wants, scored by the summed counts of their artists; ties newest first, then by id.
    /// </summary>
    public async Task<IReadOnlyList<Recommendation>> RecommendationsAsync(Guid userId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RecommendationRow>(new CommandDefinition($"""
            WITH top_artists AS (
                SELECT ra.artist_id, count(*) AS collected
                FROM user_collections c JOIN graph.release_artists ra ON ra.release_id = c.release_id
                WHERE c.user_id = @userId
                GROUP BY ra.artist_id ORDER BY collected DESC, ra.artist_id LIMIT 10),
            candidates AS (
                SELECT ra.release_id, sum(t.collected)::int AS score
                FROM top_artists t JOIN graph.release_artists ra ON ra.artist_id = t.artist_id
                WHERE NOT EXISTS (SELECT 1 FROM user_collections c WHERE c.user_id = @userId AND c.release_id = ra.release_id)
                  AND NOT EXISTS (SELECT 1 FROM user_wantlists w WHERE w.user_id = @userId AND w.release_id = ra.release_id)
                GROUP BY ra.release_id)
            SELECT r.id::text AS id, r.title, r.year, {string.Format(FirstArtist, "r.id")} AS artist, {string.Format(FirstLabel, "r.id")} AS label,
                   ARRAY(SELECT g.name FROM graph.release_genres rg JOIN graph.genres g ON g.id = rg.genre_id
                         WHERE rg.release_id = r.id ORDER BY g.name COLLATE "C") AS genres,
                   c.score
            FROM candidates c JOIN graph.releases r ON r.id = c.release_id
            ORDER BY c.score DESC, r.year DESC NULLS LAST, r.id
            LIMIT @limit
            """, new { userId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new Recommendation
        {
            Id = r.Id, Title = r.Title, Year = r.Year, Artist = r.Artist, Label = r.Label, Genres = [.. r.Genres], Score = r.Score,
        }).ToList();
    }

    /// <summary>
    /// The collection's size, its 20 biggest genres and labels (by name), and its dated releases by decade. Catalogued
    /// items count with the catalogue's genres, labels and year; the others with the label and year Discogs sent.
    /// </summary>
    public async Task<GetCollectionStatsResponse> StatsAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var args = new { userId };
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM user_collections WHERE user_id = @userId", args, cancellationToken: cancellationToken));
        var genres = await connection.QueryAsync<NamedCount>(new CommandDefinition("""
            SELECT g.name, count(*)::int AS count
            FROM user_collections c JOIN graph.release_genres rg ON rg.release_id = c.release_id JOIN graph.genres g ON g.id = rg.genre_id
            WHERE c.user_id = @userId GROUP BY g.name ORDER BY count DESC, g.name COLLATE "C" LIMIT 20
            """, args, cancellationToken: cancellationToken));
        var labels = await connection.QueryAsync<NamedCount>(new CommandDefinition("""
            SELECT name, count(*)::int AS count FROM (
                SELECT l.name
                FROM user_collections c JOIN graph.release_labels rl ON rl.release_id = c.release_id JOIN graph.labels l ON l.id = rl.label_id
                WHERE c.user_id = @userId
                UNION ALL
                SELECT c.label FROM user_collections c
                WHERE c.user_id = @userId AND NULLIF(c.label, '') IS NOT NULL AND NOT EXISTS (SELECT 1 FROM graph.releases r WHERE r.id = c.release_id)
            ) credited
            GROUP BY name ORDER BY count DESC, name COLLATE "C" LIMIT 20
            """, args, cancellationToken: cancellationToken));
        var decades = await connection.QueryAsync<DecadeCount>(new CommandDefinition("""
            SELECT year / 10 * 10 AS decade, count(*)::int AS count
            FROM (SELECT CASE WHEN r.id IS NULL THEN NULLIF(c.year, 0) ELSE r.year END AS year
                  FROM user_collections c LEFT JOIN graph.releases r ON r.id = c.release_id WHERE c.user_id = @userId) dated
            WHERE year IS NOT NULL GROUP BY 1 ORDER BY 1
            """, args, cancellationToken: cancellationToken));
        return new GetCollectionStatsResponse { Total = total, ByGenre = genres.AsList(), ByLabel = labels.AsList(),
            ByDecade = decades.AsList() };
    }

    /// <summary>Which of <paramref name="releaseIds"/> the user owns or wants (absent ids are neither).</summary>
    public async Task<IReadOnlyList<ReleaseOwnershipRow>> OwnershipAsync(Guid userId, long[] releaseIds,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ReleaseOwnershipRow>(new CommandDefinition("""
            SELECT asked.release_id,
                   EXISTS (SELECT 1 FROM user_collections c WHERE c.user_id = @userId AND c.release_id = asked.release_id) AS in_collection,
                   EXISTS (SELECT 1 FROM user_wantlists w WHERE w.user_id = @userId AND w.release_id = asked.release_id) AS in_wantlist
            FROM unnest(@releaseIds) AS asked (release_id)
            """, new { userId, releaseIds }, cancellationToken: cancellationToken))).AsList();
    }

    private sealed record RecommendationRow
    {
        public string Id { get; init; } = "";
        public string? Title { get; init; }
        public int? Year { get; init; }
        public string? Artist { get; init; }
        public string? Label { get; init; }
        public string[] Genres { get; init; } = [];
        public int Score { get; init; }
    }
}
