namespace Discogsography.ServiceInterface.Catalogue;

/// <summary>
/// Expand pages under <c>before_year</c> (REFERENCE-UPSTREAM.md §A.8): only releases dated up to <c>@before</c> count.
/// A parent's releases are listed newest first with the undated last, so the ones that count are one contiguous range
/// of its list positions, found from its per-year counts without reading a row: the releases newer than
/// <c>@before</c> come first (<c>skip</c>), then the <c>take</c> that count. (They are scalar subqueries so the planner
/// bounds the index scan with them.) Every statement returns one row even for an empty page (all nulls but <c>total</c>).
/// </summary>
internal static class BeforeYearSql
{
    /// <summary>Where the counting releases sit in the parent's list: after <c>skip</c>, <c>take</c> of them.</summary>
    private static string Span(string years, string key) => $"""
        span AS (SELECT COALESCE(sum(releases) FILTER (WHERE year > @before), 0) AS skip, COALESCE(sum(releases) FILTER (WHERE year <= @before), 0) AS take
                 FROM graph.{years} WHERE {key} = @parent)
        """;

    /// <summary>The parent's releases dated up to <c>@before</c>, newest first.</summary>
    public static string Releases(string relation, string key, string years) => $"""
        WITH {Span(years, key)},
        page AS (
            SELECT r.id::text AS id, COALESCE(r.title, '') AS name, 'release' AS type, x.year, NULL::int AS release_count, x.pos
            FROM graph.{relation} x JOIN graph.releases r ON r.id = x.release_id
            WHERE x.{key} = @parent AND x.pos > (SELECT skip FROM span) + @offset AND x.pos <= (SELECT skip + take FROM span)
            ORDER BY x.pos LIMIT @limit)
        SELECT page.id, page.name, page.type, page.year, page.release_count, span.take::int AS total
        FROM span LEFT JOIN page ON true ORDER BY page.pos
        """;

    /// <summary>
    /// Like <see cref="Counted"/>, from per-year pair counts (<c>genre_style_years</c>, <c>label_genre_years</c>): a sum
    /// over the parent's years up to <c>@before</c>, whatever its number of releases.
    /// </summary>
    public static string CountedByYear(string table, string key, string childKey, string childTable, string childType) => $"""
        WITH counted AS (
            SELECT {childKey} AS child, sum(releases) AS n FROM graph.{table} WHERE {key} = @parent AND year <= @before GROUP BY 1),
        page AS (
            SELECT t.name AS id, t.name, '{childType}' AS type, NULL::int AS year, counted.n::int AS release_count, counted.n, counted.child
            FROM counted JOIN graph.{childTable} t ON t.id = counted.child
            ORDER BY counted.n DESC, counted.child LIMIT @limit OFFSET @offset)
        SELECT page.id, page.name, page.type, page.year, page.release_count, (SELECT count(*) FROM counted)::int AS total
        FROM (SELECT 1) one LEFT JOIN page ON true ORDER BY page.n DESC, page.child
        """;

    /// <summary>
    /// Children linked to the parent by a release dated up to <c>@before</c>, with how many such releases link them,
    /// most first, then by id (genres and styles: by name, which their ids follow).
    /// </summary>
    public static string Counted(string relation, string key, string years, string childRelation, string childKey, string childTable,
        string childType,
        bool numeric) => $"""
        WITH {Span(years, key)},
        counted AS (
            SELECT c.{childKey} AS child, count(*) AS n
            FROM graph.{relation} p JOIN graph.{childRelation} c ON c.release_id = p.release_id
            WHERE p.{key} = @parent AND p.pos > (SELECT skip FROM span) AND p.pos <= (SELECT skip + take FROM span)
            GROUP BY 1),
        page AS (
            SELECT {(numeric ? "t.id::text" : "t.name")} AS id, t.name, '{childType}' AS type, NULL::int AS year, counted.n::int AS release_count,
                   counted.n, counted.child
            FROM counted JOIN graph.{childTable} t ON t.id = counted.child
            ORDER BY counted.n DESC, counted.child LIMIT @limit OFFSET @offset)
        SELECT page.id, page.name, page.type, page.year, page.release_count, (SELECT count(*) FROM counted)::int AS total
        FROM (SELECT 1) one LEFT JOIN page ON true ORDER BY page.n DESC, page.child
        """;
}
