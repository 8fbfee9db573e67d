using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue;

/// <summary>
/// Autocomplete (REFERENCE-API.md §9.3). Genres and styles: case-insensitive prefix of the name, score 1, in name order,
/// as the reference. Artists and labels, in three tiers whose scores never overlap, each ranked by pg_trgm similarity
/// to the query, then name and id: names that start with the query, or with "The " and the query (2 + similarity);
/// names where every word of the query starts a word of the name, as the reference's full-text prefix query matches
/// (1 + similarity: "trade" finds "Rough Trade", "jarre jean" finds "Jean-Michel Jarre": <see cref="NameWordMatches"/>);
/// then misspellings, pg_trgm's <c>%</c> (similarity). The first two tiers read a bounded number of candidates, so a
/// two-letter query stays cheap on millions of names.
/// </summary>
internal static class NameAutocomplete
{
    /// <summary>
    /// Candidates the prefix and word tiers each rank per request (the word tier per source): ≈ 12 µs each at 1 M
    /// releases (reading the name, its similarity), 3.3 ms for a three-letter word's 200, 6.2 ms for 500.
    /// </summary>
    internal const int Candidates = 200;

    /// <summary>The leading article a name may have before the query and still start with it.</summary>
    private const string Article = "the ";

    /// <summary>Fuzzy matching starts at this length: shorter queries share trigrams with too many names to be useful or cheap.</summary>
    private const int FuzzyMinimumLength = 4;

    public static async Task<List<AutocompleteResult>> FindAsync(NpgsqlConnection connection, GraphKind kind, string query, int limit,
        CancellationToken cancellationToken)
    {
        if (!kind.NumericId)
            return await QueryAsync(connection, NamePrefixSql(kind), new { query, limit }, cancellationToken);
        var pattern = Data.LikePatterns.StartingWith(query.ToLowerInvariant());
        var results = await QueryAsync(connection, PrefixSql(kind), new { query, pattern, articlePattern = Article + pattern, limit },
            cancellationToken);
        // Each tier leaves out what the ones before gave; one that gave fewer than the limit gave every match it read.
        if (results.Count < limit)
        {
            results.AddRange(await NameWordMatches.FindAsync(connection, kind, query, IdsOf(results), limit - results.Count,
                cancellationToken));
        }
        if (results.Count < limit && query.Length >= FuzzyMinimumLength)
        {
            results.AddRange(await QueryAsync(connection, FuzzySql(kind),
                new { query, seen = IdsOf(results), limit = limit - results.Count }, cancellationToken));
        }
        return results;
    }

    private static long[] IdsOf(List<AutocompleteResult> results) =>
        results.Select(r => long.Parse(r.Id, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static async Task<List<AutocompleteResult>> QueryAsync(NpgsqlConnection connection, string sql, object parameters,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<AutocompleteResult>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))
        .AsList();

    private static string NamePrefixSql(GraphKind kind) => $"""
        SELECT name AS id, name, 1.0::float8 AS score FROM graph.{kind.Table}
        WHERE starts_with(lower(name), lower(@query)) ORDER BY name COLLATE "C" LIMIT @limit
        """;

    /// <summary>
    /// Names starting with the query, and with "The " and the query, as a shelf of records is sorted: "beatles" finds
    /// "The Beatles" among the names that start so (its similarity ranks it among them), not after them.
    /// </summary>
    private static string PrefixSql(GraphKind kind) => $"""
        SELECT id::text AS id, name, round(2 + similarity(lower(name), lower(@query))::numeric, 4)::float8 AS score
        FROM ((SELECT id, name FROM graph.{kind.Table} WHERE lower(name) LIKE @pattern ESCAPE '\'
               ORDER BY lower(name) USING ~<~, id LIMIT {Candidates})
              UNION
              (SELECT id, name FROM graph.{kind.Table} WHERE lower(name) LIKE @articlePattern ESCAPE '\'
               ORDER BY lower(name) USING ~<~, id LIMIT {Candidates})) candidates
        ORDER BY score DESC, name COLLATE "C", id LIMIT @limit
        """;

    /// <summary>Trigram matches (pg_trgm's <c>%</c> at <see cref="Data.PostgresDataSource.TrigramSimilarityThreshold"/>, served by
    /// the GIN index) that no earlier tier gave.</summary>
    private static string FuzzySql(GraphKind kind) => $"""
        SELECT id::text AS id, name, round(similarity(lower(name), lower(@query))::numeric, 4)::float8 AS score FROM graph.{kind.Table}
        WHERE lower(name) % lower(@query) AND id <> ALL(@seen)
        ORDER BY score DESC, name COLLATE "C", id LIMIT @limit
        """;
}
