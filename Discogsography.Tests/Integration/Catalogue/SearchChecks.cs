using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>
/// What <c>GET /api/search</c> should answer, from the dump's records: PostgreSQL's <c>english</c> configuration
/// decides what matches and how it ranks, applied to the records' own names (never to the importer's tables), then
/// filters and order in LINQ.
/// </summary>
internal static partial class SearchChecks
{
    public static readonly string[] TypeOrder = ["artist", "label", "master", "release"];

    /// <summary>The matching entries in the expected order: rank, then type (artist, label, master, release), then id.</summary>
    public static async Task<List<RankedEntry>> ExpectedAsync(List<SearchEntry> entries, string query, string[] types, string[] genres,
        int? yearMin, int? yearMax)
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var ranks = (await connection.QueryAsync<(long Index, string Rank)>("""
            SELECT i, ts_rank(to_tsvector('english', n), q)::text FROM unnest(@names) WITH ORDINALITY AS u(n, i), plainto_tsquery('english', @query) AS q
            WHERE to_tsvector('english', n) @@ q
            """, new { names = entries.Select(e => e.Name).ToArray(), query })).ToDictionary(r => (int)r.Index - 1, r => double.Parse(r.Rank, CultureInfo.InvariantCulture));
        return ranks.Select(r => new RankedEntry(entries[r.Key], r.Value))
            .Where(e => types.Contains(e.Type))
            .Where(e => e.Year is null || ((yearMin is null || e.Year >= yearMin) && (yearMax is null || e.Year <= yearMax)))
            .Where(e => e.Genres is null || genres.Length == 0 || e.Genres.Intersect(genres).Any())
            .OrderByDescending(e => e.Rank).ThenBy(e => Array.IndexOf(TypeOrder, e.Type)).ThenBy(e => e.Id).ToList();
    }

    /// <summary>The most frequent word of four letters or more among release titles that is not an English stop word.</summary>
    public static string CommonWord(IEnumerable<SearchEntry> entries)
    {
        var frequent = entries.Where(e => e.Type == "release").SelectMany(e => Words(e.Name).Distinct()).Where(w => w.Length >= 4)
            .GroupBy(w => w).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(20)
                .Select(g => g.Key).ToArray();
        using var connection = TestServers.Database.OpenConnection();
        return connection.QueryFirst<string>("SELECT w FROM unnest(@frequent) WITH ORDINALITY AS u(w, i) WHERE to_tsvector('english', w) <> ''::tsvector ORDER BY i",
            new { frequent });
    }

    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    [GeneratedRegex("[a-z]+")]
    private static partial Regex WordPattern();

    public sealed record RankedEntry(SearchEntry Entry, double Rank)
    {
        public string Type => Entry.Type;
        public long Id => Entry.Id;
        public string Name => Entry.Name;
        public int? Year => Entry.Year;
        public List<string>? Genres => Entry.Genres;
    }
}
