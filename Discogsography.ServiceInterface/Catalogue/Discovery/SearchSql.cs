namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>
/// The statements of a search (REFERENCE-UPSTREAM.md §A.1). Every statement starts from <c>q</c>, the query, and
/// <see cref="Filters"/> (types, years, genres) applies before paging and counting. A page is ordered by rank, then
/// kind (a, l, m, r), then id. Counts come back as rows (<c>facet</c>, <c>key</c>, <c>count</c>): <c>n</c> the total,
/// <c>t</c> per kind, <c>g</c> per genre, <c>d</c> per decade.
/// </summary>
internal static class SearchSql
{
    private const string Query = "WITH q AS (SELECT plainto_tsquery('english', @query) AS query)";

    public const string Filters = """
        kind = ANY(@kinds)
        AND (year IS NULL OR ((@yearMin::int IS NULL OR year >= @yearMin) AND (@yearMax::int IS NULL OR year <= @yearMax)))
        AND (genres IS NULL OR cardinality(@genres::text[]) = 0 OR genres && @genres::text[])
        """;

    /// <summary>Whether the query is one word (its lexeme, else null), and whether that word's facets were counted at import.</summary>
    public const string Analysis = """
        SELECT l.lexeme, EXISTS (SELECT 1 FROM graph.search_facets f WHERE f.lexeme COLLATE "C" = l.lexeme) AS counted
        FROM (SELECT CASE WHEN numnode(plainto_tsquery('english', @query)) = 1
                          THEN (tsvector_to_array(to_tsvector('english', @query)))[1] END AS lexeme) l
        """;

    /// <summary>A one-word query's page, straight from the postings index in rank order.</summary>
    public static readonly string PostingPage = Query + """
        , page AS (
            SELECT kind, id FROM graph.search_postings WHERE lexeme COLLATE "C" = @lexeme AND
        """ + "\n" + Filters + "\n" + """
            ORDER BY occurrences DESC, kind, id LIMIT @limit OFFSET @offset)
        """ + "\n" + PageRows;

    /// <summary>A longer query's page: the GIN index's matches, ranked.</summary>
    public static readonly string RankedPage = Query + """
        , page AS (
            SELECT e.kind, e.id FROM graph.search_entries e, q WHERE e.doc @@ q.query AND
        """ + "\n" + Filters + "\n" + """
            ORDER BY ts_rank(e.doc, q.query) DESC, e.kind, e.id LIMIT @limit OFFSET @offset)
        """ + "\n" + PageRows;

    /// <summary>The page's names, years, genres, exact ranks and highlights.</summary>
    private const string PageRows = """
        SELECT s.kind, s.id::text AS id, s.name, s.year, s.genres, ts_rank(s.doc, q.query)::text AS rank,
               ts_headline('english', translate(s.name, @marks, ''), q.query, @headline) AS highlight
        FROM page p JOIN graph.search_entries s ON s.kind = p.kind AND s.id = p.id, q
        ORDER BY ts_rank(s.doc, q.query) DESC, s.kind, s.id
        """;

    /// <summary>Total and facets counted now, over every match of the query.</summary>
    public static string LiveCounts(bool oneWord) => Query + ", matches AS MATERIALIZED (" + (oneWord
        ? """SELECT kind, year, genres FROM graph.search_postings WHERE lexeme COLLATE "C" = @lexeme"""
        : "SELECT e.kind, e.year, e.genres FROM graph.search_entries e, q WHERE e.doc @@ q.query") + ")\n" + """
        SELECT 'n' AS facet, '' AS key, count(*)::int AS count FROM matches WHERE
        """ + "\n" + Filters + "\n" + """
        UNION ALL SELECT 't', kind, count(*)::int FROM matches GROUP BY kind
        UNION ALL (SELECT 'g', genre, count(*)::int FROM matches, unnest(genres) AS genre WHERE kind = 'r' GROUP BY genre
                   ORDER BY count(*) DESC, genre COLLATE "C" LIMIT 20)
        UNION ALL SELECT 'd', (year / 10 * 10)::text, count(*)::int FROM matches WHERE kind IN ('m', 'r') AND year BETWEEN 1000 AND 9999 GROUP BY 2
        """;

    /// <summary>A common word's facets, counted at import.</summary>
    public const string CountedFacets = """SELECT facet, key, count FROM graph.search_facets WHERE lexeme COLLATE "C" = @lexeme""";

    /// <summary>A common word's total under filters (index only).</summary>
    public const string FilteredTotal = """
        SELECT 'n' AS facet, '' AS key, count(*)::int AS count FROM graph.search_postings WHERE lexeme COLLATE "C" = @lexeme AND
        """ + "\n" + Filters;
}
