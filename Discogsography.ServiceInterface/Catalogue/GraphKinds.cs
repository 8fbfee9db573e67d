namespace Discogsography.ServiceInterface.Catalogue;

/// <summary>A category an entity expands into: its explore label, its count column and the query of a page of children.</summary>
/// <param name="Category">The wire name, e.g. <c>releases</c>.</param>
/// <param name="Label">The explore label, e.g. <c>Aliases &amp; Members</c>.</param>
/// <param name="StatsColumn">The column of the type's stats table holding the count.</param>
/// <param name="ChildrenSql">Rows (id, name, type, year, release_count) for <c>@parent</c>, <c>@limit</c>, <c>@offset</c>.</param>
/// <param name="BeforeYearSql">
/// The same rows and a <c>total</c> under <c>before_year</c> (<c>@before</c>, <see cref="Catalogue.BeforeYearSql"/>); null
/// where the category ignores it (aliases).
/// </param>
public sealed record GraphCategory(string Category, string Label, string StatsColumn, string ChildrenSql, string? BeforeYearSql);

/// <summary>How one explorable type (artist, label, genre, style) is stored, and its categories in the reference's order (§9.4).</summary>
public sealed record GraphKind(string Name, string Table, bool NumericId, string Key, string StatsTable, string YearsTable,
    IReadOnlyList<GraphCategory> Categories)
{
    public static readonly GraphKind Artist = new("artist", "artists", true, "artist_id", "artist_stats", "artist_years",
    [
        new("releases", "Releases", "releases", Releases("release_artists", "artist_id"),
            BeforeYearSql.Releases("release_artists", "artist_id", "artist_years")),
        new("labels", "Labels", "labels", Counted("artist_labels", "artist_id", "label_id", "labels", "label", numeric: true),
            BeforeYearSql.Counted("release_artists", "artist_id", "artist_years", "release_labels", "label_id", "labels", "label",
                numeric: true)),
        new("aliases", "Aliases & Members", "aliases", """
            SELECT l.other_id::text AS id, COALESCE(a.name, '') AS name, 'artist' AS type, NULL::int AS year, NULL::int AS release_count
            FROM (SELECT DISTINCT other_id FROM graph.artist_links WHERE artist_id = @parent) l LEFT JOIN graph.artists a ON a.id = l.other_id
            ORDER BY l.other_id LIMIT @limit OFFSET @offset
            """, null),
    ]);

    public static readonly GraphKind Genre = new("genre", "genres", false, "genre_id", "genre_stats", "genre_years",
    [
        new("releases", "Releases", "releases", Releases("release_genres", "genre_id"),
            BeforeYearSql.Releases("release_genres", "genre_id", "genre_years")),
        new("artists", "Artists", "artists", Named("genre_artists", "genre_id"),
            BeforeYearSql.Counted("release_genres", "genre_id", "genre_years", "release_artists", "artist_id", "artists", "artist",
                numeric: true)),
        new("labels", "Labels", "labels", Counted("genre_labels", "genre_id", "label_id", "labels", "label", numeric: true),
            BeforeYearSql.Counted("release_genres", "genre_id", "genre_years", "release_labels", "label_id", "labels", "label",
                numeric: true)),
        new("styles", "Styles", "styles", Counted("genre_styles", "genre_id", "style_id", "styles", "style", numeric: false),
            BeforeYearSql.CountedByYear("genre_style_years", "genre_id", "style_id", "styles", "style")),
    ]);

    public static readonly GraphKind Label = new("label", "labels", true, "label_id", "label_stats", "label_years",
    [
        new("releases", "Releases", "releases", Releases("release_labels", "label_id"),
            BeforeYearSql.Releases("release_labels", "label_id", "label_years")),
        new("artists", "Artists", "artists", Counted("label_artists", "label_id", "artist_id", "artists", "artist", numeric: true),
            BeforeYearSql.Counted("release_labels", "label_id", "label_years", "release_artists", "artist_id", "artists", "artist",
                numeric: true)),
        new("genres", "Genres", "genres", Counted("label_genres", "label_id", "genre_id", "genres", "genre", numeric: false),
            BeforeYearSql.CountedByYear("label_genre_years", "label_id", "genre_id", "genres", "genre")),
    ]);

    public static readonly GraphKind Style = new("style", "styles", false, "style_id", "style_stats", "style_years",
    [
        new("releases", "Releases", "releases", Releases("release_styles", "style_id"),
            BeforeYearSql.Releases("release_styles", "style_id", "style_years")),
        new("artists", "Artists", "artists", Named("style_artists", "style_id"),
            BeforeYearSql.Counted("release_styles", "style_id", "style_years", "release_artists", "artist_id", "artists", "artist",
                numeric: true)),
        new("labels", "Labels", "labels", Counted("style_labels", "style_id", "label_id", "labels", "label", numeric: true),
            BeforeYearSql.Counted("release_styles", "style_id", "style_years", "release_labels", "label_id", "labels", "label",
                numeric: true)),
        new("genres", "Genres", "genres", Counted("style_genres", "style_id", "genre_id", "genres", "genre", numeric: false),
            BeforeYearSql.CountedByYear("genre_style_years", "style_id", "genre_id", "genres", "genre")),
    ]);

    /// <summary>The four explorable types.</summary>
    public static readonly IReadOnlyList<GraphKind> All = [Artist, Genre, Label, Style];

    /// <summary>The type named <paramref name="raw"/> (case-insensitive), or null.</summary>
    public static GraphKind? Find(string raw) => All.FirstOrDefault(k => string.Equals(k.Name, raw, StringComparison.OrdinalIgnoreCase));

    /// <summary>The category named <paramref name="raw"/> (case-insensitive), or null.</summary>
    public GraphCategory? FindCategory(string raw) =>
        Categories.FirstOrDefault(c => string.Equals(c.Category, raw, StringComparison.OrdinalIgnoreCase));

    // Pages are ranges of pos, each child's place in its parent's list, computed at import: a deep page costs what
    // the first does (an OFFSET would walk every row it skips).

    /// <summary>Releases of the parent, newest first, undated last, then by id.</summary>
    private static string Releases(string relation, string key) => $"""
        SELECT r.id::text AS id, COALESCE(r.title, '') AS name, 'release' AS type, x.year, NULL::int AS release_count
        FROM graph.{relation} x JOIN graph.releases r ON r.id = x.release_id
        WHERE x.{key} = @parent AND x.pos > @offset ORDER BY x.pos LIMIT @limit
        """;

    /// <summary>Children with the number of releases they share with the parent, most first, then by id.</summary>
    private static string Counted(string pairs, string key, string childKey, string childTable, string childType, bool numeric) => $"""
        SELECT {(numeric ? "c.id::text" : "c.name")} AS id, c.name, '{childType}' AS type, NULL::int AS year, p.release_count
        FROM graph.{pairs} p JOIN graph.{childTable} c ON c.id = p.{childKey}
        WHERE p.{key} = @parent AND p.pos > @offset ORDER BY p.pos LIMIT @limit
        """;

    /// <summary>Artists of a genre or style, by name (code-point order), then id; no count, as in the reference.</summary>
    private static string Named(string pairs, string key) => $"""
        SELECT p.artist_id::text AS id, p.artist_name AS name, 'artist' AS type, NULL::int AS year, NULL::int AS release_count
        FROM graph.{pairs} p WHERE p.{key} = @parent AND p.pos > @offset ORDER BY p.pos LIMIT @limit
        """;
}
