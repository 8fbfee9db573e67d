using System.Globalization;
using System.Text.Json;
using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalog.Discovery;

/// <summary>
/// Full-text search (REFERENCE-UPSTREAM.md §A.1) over <c>graph.search_entries</c> in one statement: the matches of
/// every type are ranked once (<c>ts_rank</c> over the stored <c>english</c> tsvector, found through its GIN index),
/// then the filters apply before the page is cut, so <c>total</c> and <c>has_more</c> are exact and a page is never
/// short while more exist; the facets count every match exactly. Ties in rank are broken by type, then id.
/// </summary>
public sealed class CatalogSearch(NpgsqlDataSource database)
{
    /// <summary>Marks ts_headline puts around matches, from Unicode's private use area, replaced after the text is HTML-escaped.</summary>
    private const char StartMark = '\uE000';
    private const char StopMark = '\uE001';

    private const string Sql = """
        WITH q AS (SELECT plainto_tsquery('english', @query) AS query),
        matches AS MATERIALIZED (
            SELECT e.kind, e.id, e.name, e.year, e.genres, ts_rank(e.doc, q.query) AS rank FROM graph.search_entries e, q WHERE e.doc @@ q.query),
        kept AS MATERIALIZED (
            SELECT * FROM matches
            WHERE kind = ANY(@kinds)
              AND (year IS NULL OR ((@yearMin::int IS NULL OR year >= @yearMin) AND (@yearMax::int IS NULL OR year <= @yearMax)))
              AND (genres IS NULL OR cardinality(@genres::text[]) = 0 OR genres && @genres::text[])),
        page AS (
            SELECT kind, id, name, year, genres, rank FROM kept
            ORDER BY rank DESC, kind, id LIMIT @limit OFFSET @offset)
        SELECT (SELECT count(*) FROM kept) AS total,
               (SELECT json_object_agg(kind, n) FROM (SELECT kind, count(*) AS n FROM matches WHERE kind = ANY(@kinds) GROUP BY kind) t)::text AS types,
               (SELECT json_agg(json_build_array(genre, n) ORDER BY n DESC, genre COLLATE "C")
                FROM (SELECT genre, count(*) AS n FROM matches, unnest(genres) AS genre WHERE kind = 'r' GROUP BY genre
                      ORDER BY n DESC, genre COLLATE "C" LIMIT 20) t)::text AS genres,
               (SELECT json_agg(json_build_array(decade, n) ORDER BY decade)
                FROM (SELECT year / 10 * 10 AS decade, count(*) AS n FROM matches
                      WHERE kind IN ('m', 'r') AND year BETWEEN 1000 AND 9999 GROUP BY 1) t)::text AS decades,
               (SELECT json_agg(json_build_object(
                           'kind', p.kind, 'id', p.id::text, 'name', p.name, 'year', p.year, 'genres', p.genres, 'rank', p.rank::text,
                           'highlight', ts_headline('english', translate(p.name, @marks, ''), q.query, @headline))
                       ORDER BY p.rank DESC, p.kind, p.id)
                FROM page p, q)::text AS page
        """;

    private static readonly Dictionary<string, string> KindOfType = new() { ["artist"] = "a", ["label"] = "l", ["master"] = "m", ["release"] = "r" };
    private static readonly Dictionary<string, string> TypeOfKind = KindOfType.ToDictionary(p => p.Value, p => p.Key);

    public async Task<SearchResponse> SearchAsync(SearchRequestShape request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<SearchRow>(new CommandDefinition(Sql, new
        {
            query = request.Query,
            kinds = request.DistinctTypes.Select(t => KindOfType[t]).ToArray(),
            genres = request.Genres.ToArray(),
            yearMin = request.YearMin,
            yearMax = request.YearMax,
            limit = request.Limit,
            offset = request.Offset,
            marks = $"{StartMark}{StopMark}",
            headline = $"StartSel={StartMark}, StopSel={StopMark}",
        }, cancellationToken: cancellationToken));
        var results = Parse<List<PageRow>>(row.Page)?.Select(Result).ToList() ?? [];
        return new SearchResponse
        {
            Query = request.Query,
            Total = (int)row.Total,
            Facets = new SearchFacets
            {
                Type = TypeFacet(request, Parse<Dictionary<string, int>>(row.Types) ?? []),
                Genre = Pairs(row.Genres).ToDictionary(p => p.Key, p => p.Count),
                Decade = Pairs(row.Decades).ToDictionary(p => p.Key + "s", p => p.Count),
            },
            Results = results,
            Pagination = new SearchPagination { Limit = request.Limit, Offset = request.Offset, HasMore = request.Offset + results.Count < row.Total },
        };
    }

    /// <summary>Every requested type, in request order, with its number of matches (zero included).</summary>
    private static Dictionary<string, int> TypeFacet(SearchRequestShape request, Dictionary<string, int> counts) =>
        request.DistinctTypes.ToDictionary(t => t, t => counts.GetValueOrDefault(KindOfType[t]));

    private static SearchResult Result(PageRow row) => new()
    {
        Type = TypeOfKind[row.Kind],
        Id = row.Id,
        Name = row.Name,
        Highlight = HighlightHtml(row.Highlight ?? row.Name),
        Relevance = Relevance(row.Rank),
        Metadata = new SearchMetadata { Year = row.Year, Genres = row.Genres is { Count: > 0 } genres ? genres : null },
    };

    /// <summary>
    /// The rank as Python computes <c>round(rank, 4)</c> of the float it reads from PostgreSQL's text (the shortest
    /// digits of the <c>real</c>), half to even.
    /// </summary>
    private static double Relevance(string rank) => Math.Round(double.Parse(rank, CultureInfo.InvariantCulture), 4, MidpointRounding.ToEven);

    /// <summary>The headline HTML-escaped (unlike the reference), then the marks turned into <c>&lt;b&gt;</c> and <c>&lt;/b&gt;</c>.</summary>
    public static string HighlightHtml(string headline) =>
        headline.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#x27;", StringComparison.Ordinal)
            .Replace(StartMark.ToString(), "<b>", StringComparison.Ordinal).Replace(StopMark.ToString(), "</b>", StringComparison.Ordinal);

    private static IEnumerable<(string Key, int Count)> Pairs(string? json) =>
        Parse<List<JsonElement[]>>(json)?.Select(p => (p[0].ValueKind == JsonValueKind.Number ? p[0].GetInt32().ToString(CultureInfo.InvariantCulture) : p[0].GetString()!,
            p[1].GetInt32())) ?? [];

    private static T? Parse<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, RowJson);

    private static readonly JsonSerializerOptions RowJson = new() { PropertyNameCaseInsensitive = true };

    private sealed record SearchRow(long Total, string? Types, string? Genres, string? Decades, string? Page);

    private sealed record PageRow(string Kind, string Id, string Name, int? Year, List<string>? Genres, string Rank, string? Highlight);
}
