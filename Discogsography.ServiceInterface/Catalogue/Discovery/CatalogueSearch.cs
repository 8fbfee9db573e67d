using System.Globalization;
using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>
/// Full-text search (REFERENCE-UPSTREAM.md §A.1): the filters apply before the page is cut and before counting, so
/// <c>total</c> and <c>has_more</c> are exact and a page is never short while more exist; the facets count every
/// match exactly. Ties in rank are broken by type, then id. A one-word query reads <c>graph.search_postings</c>: its
/// ts_rank depends only on how often the word occurs in a name (every lexeme has weight D), so its matches are one
/// index range already in rank order, and a common word's facets were counted at import (<c>graph.search_facets</c>).
/// Longer queries rank the matches the GIN index of <c>graph.search_entries</c> finds. The page and the counts are
/// one round trip.
/// </summary>
public sealed class CatalogueSearch(NpgsqlDataSource database)
{
    /// <summary>Marks ts_headline puts around matches, from Unicode's private use area, replaced after the text is HTML-escaped.</summary>
    private const char StartMark = '\uE000';
    private const char StopMark = '\uE001';

    private static readonly Dictionary<string, string> KindOfType = new() { ["artist"] = "a", ["label"] = "l", ["master"] = "m",
        ["release"] = "r" };
    private static readonly Dictionary<string, string> TypeOfKind = KindOfType.ToDictionary(p => p.Value, p => p.Key);

    public async Task<SearchResponse> SearchAsync(SearchRequestShape request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var (lexeme, counted) = await connection.QuerySingleAsync<(string? Lexeme, bool Counted)>(new CommandDefinition(SearchSql.Analysis,
            new { query = request.Query }, cancellationToken: cancellationToken));
        var filtered = request.Genres.Count > 0 || request.YearMin is not null || request.YearMax is not null;
        var counts = !counted ? SearchSql.LiveCounts(oneWord: lexeme is not null)
            : filtered ? SearchSql.CountedFacets + ";\n" + SearchSql.FilteredTotal
            : SearchSql.CountedFacets;
        await using var batch = await connection.QueryMultipleAsync(new CommandDefinition(
            (lexeme is null ? SearchSql.RankedPage : SearchSql.PostingPage) + ";\n" + counts, Parameters(request, lexeme),
            cancellationToken: cancellationToken));
        var results = (await batch.ReadAsync<PageRow>()).Select(Result).ToList();
        var rows = new List<CountRow>();
        while (!batch.IsConsumed)
            rows.AddRange(await batch.ReadAsync<CountRow>());
        var total = rows.FirstOrDefault(r => r.Facet == "n")?.Count
                    ?? rows.Where(r => r.Facet == "t" && request.DistinctTypes.Contains(TypeOfKind[r.Key])).Sum(r => r.Count);
        return new SearchResponse
        {
            Query = request.Query,
            Total = total,
            Facets = Facets(request, rows),
            Results = results,
            Pagination = new SearchPagination { Limit = request.Limit, Offset = request.Offset,
                HasMore = request.Offset + results.Count < total },
        };
    }

    private static object Parameters(SearchRequestShape request, string? lexeme) => new
    {
        query = request.Query,
        lexeme,
        kinds = request.DistinctTypes.Select(t => KindOfType[t]).ToArray(),
        genres = request.Genres.ToArray(),
        yearMin = request.YearMin,
        yearMax = request.YearMax,
        limit = request.Limit,
        offset = request.Offset,
        marks = $"{StartMark}{StopMark}",
        headline = $"StartSel={StartMark}, StopSel={StopMark}",
    };

    /// <summary>Requested kinds in request order (zero included); the 20 most common genres, then by name; decades in order.</summary>
    private static SearchFacets Facets(SearchRequestShape request, List<CountRow> rows) => new()
    {
        Type = request.DistinctTypes.ToDictionary(t => t,
            t => rows.FirstOrDefault(r => r.Facet == "t" && r.Key == KindOfType[t])?.Count ?? 0),
        Genre = rows.Where(r => r.Facet == "g").OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).Take(20)
            .ToDictionary(r => r.Key, r => r.Count),
        Decade = rows.Where(r => r.Facet == "d").OrderBy(r => int.Parse(r.Key, CultureInfo.InvariantCulture)).ToDictionary(r =>
            r.Key + "s", r => r.Count),
    };

    private static SearchResult Result(PageRow row) => new()
    {
        Type = TypeOfKind[row.Kind],
        Id = row.Id,
        Name = row.Name,
        Highlight = HighlightHtml(row.Highlight ?? row.Name),
        Relevance = Relevance(row.Rank),
        Metadata = new SearchMetadata { Year = row.Year, Genres = row.Genres is { Length: > 0 } genres ? [.. genres] : null },
    };

    /// <summary>
    /// The rank as Python computes <c>round(rank, 4)</c> of the float it reads from PostgreSQL's text (the shortest
    /// digits of the <c>real</c>), half to even.
    /// </summary>
    private static double Relevance(string rank) =>
        Math.Round(double.Parse(rank, CultureInfo.InvariantCulture), 4, MidpointRounding.ToEven);

    /// <summary>The headline HTML-escaped (unlike the reference), then the marks turned into <c>&lt;b&gt;</c> and
    /// <c>&lt;/b&gt;</c>.</summary>
    public static string HighlightHtml(string headline) =>
        headline.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;",
            StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#x27;", StringComparison.Ordinal)
            .Replace(StartMark.ToString(), "<b>", StringComparison.Ordinal).Replace(StopMark.ToString(), "</b>", StringComparison.Ordinal);

    private sealed record CountRow(string Facet, string Key, int Count);

    private sealed class PageRow
    {
        public string Kind { get; init; } = "";
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public int? Year { get; init; }
        public string[]? Genres { get; init; }
        public string Rank { get; init; } = "0";
        public string? Highlight { get; init; }
    }
}
