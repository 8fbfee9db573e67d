using Dapper;
using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue;

/// <summary>
/// Autocomplete's word tier (REFERENCE-API.md §9.3: the reference's full-text query <c>q*</c> matches any word of a
/// name; REFERENCE-UPSTREAM.md §0.5: every word of the query must): names where every word of the query starts a word of
/// the name, but those the prefix tier gave (<c>@seen</c>). Scored 1 + pg_trgm similarity.
/// </summary>
internal static class NameWordMatches
{
    /// <summary>How many of a query's longest words have their rarity counted, and how far each word's names are counted.</summary>
    private const int RarityWords = 3, RarityCount = 500;

    public static async Task<List<AutocompleteResult>> FindAsync(NpgsqlConnection connection, GraphKind kind, string query,
        long[] seen, int limit, CancellationToken cancellationToken)
    {
        var words = NameWordsBuild.WordsOf(query).Distinct().OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)
            .ToArray();
        if (words.Length == 0)
            return [];
        var (matches, saturated) = await LedByAsync(connection, kind, query, seen, words, words[0], limit, cancellationToken);
        // The longest word read only the first of its names: a rarer word of the query may pick the ones it means.
        if (saturated && words.Length > 1 && await RarestAsync(connection, kind, words, cancellationToken) is var rarest
            && rarest != words[0])
            (matches, _) = await LedByAsync(connection, kind, query, seen, words, rarest, limit, cancellationToken);
        return matches;
    }

    /// <summary>The matches among the candidates <paramref name="lead"/> picks, and whether it had more than were read.</summary>
    private static async Task<(List<AutocompleteResult> Matches, bool Saturated)> LedByAsync(NpgsqlConnection connection,
        GraphKind kind, string query, long[] seen, string[] words, string lead, int limit, CancellationToken cancellationToken)
    {
        var others = words.Where(w => w != lead).ToArray();
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql(kind),
            new { query, seen, lead, leadPattern = LikePatterns.StartingWith(lead), others, limit },
            cancellationToken: cancellationToken))).AsList();
        return (rows.Where(r => r.Id is not null).Select(r => new AutocompleteResult { Id = r.Id!, Name = r.Name!, Score = r.Score ?? 0 })
            .ToList(), rows.Count > 0 && rows[0].Saturated);
    }

    /// <summary>
    /// The word of the query that starts the fewest names' words (counted up to <see cref="RarityCount"/>; the longest
    /// first on a tie): in "trade records" it is "trade", not the longer "records" thousands of labels share. Each word is
    /// its own parameter, so each count is planned as the range scan it is, and ordering by the index's own order makes
    /// it stop at the bound (without it the planner read a common word's whole range through a bitmap, or the trigram
    /// index: 29 k names for "j").
    /// </summary>
    private static async Task<string> RarestAsync(NpgsqlConnection connection, GraphKind kind, string[] words,
        CancellationToken cancellationToken)
    {
        var considered = words.Take(RarityWords).ToArray();
        var parameters = new DynamicParameters();
        var counts = considered.Select((word, i) =>
        {
            parameters.Add("w" + i, word);
            parameters.Add("p" + i, LikePatterns.StartingWith(word));
            return $"""
                SELECT {i} AS i,
                       (SELECT count(*) FROM (SELECT 1 FROM graph.name_words WHERE kind = '{NameWordsBuild.KindOf(kind)}' AND word ^@ @w{i}
                                              ORDER BY word LIMIT {RarityCount}) n)
                     + (SELECT count(*) FROM (SELECT 1 FROM graph.{kind.Table} WHERE lower(name) LIKE @p{i} ESCAPE '\'
                                              ORDER BY lower(name) USING ~<~ LIMIT {RarityCount}) p) AS n
                """;
        });
        var rarest = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            string.Join("\nUNION ALL\n", counts) + "\nORDER BY n, i LIMIT 1", parameters, cancellationToken: cancellationToken));
        return considered[rarest];
    }

    /// <summary>
    /// <c>@lead</c> picks the candidates, read in index order up to the bound, so a short word's millions of entries cost
    /// no more than a long one's few: names with a later word starting with it (one range of <c>name_words</c>), and,
    /// when the query has other words, names starting with it (the name-prefix index; alone it would be the prefix
    /// tier's match). Every other word of the query (<c>@others</c>) must start a word of the name too. One row comes
    /// back even without matches, saying whether either source had more candidates than were read. <c>^@</c> (starts
    /// with) on the C-collated column lets the planner turn the word into a range and estimate its size from the word's
    /// statistics (a range written out by hand was estimated at a seventh of its rows and read whole by a bitmap scan).
    /// The kind is written as a literal (<see cref="NameWordsBuild.KindOf"/>): a text parameter compared with the
    /// CHAR(1) column would be cast, and the index could no longer narrow the scan to the kind (every word read: 60 ms
    /// at 1 M releases).
    /// </summary>
    private static string Sql(GraphKind kind) => $"""
        WITH from_words AS (
            SELECT id FROM graph.name_words WHERE kind = '{NameWordsBuild.KindOf(kind)}' AND word ^@ @lead
            ORDER BY word, id LIMIT {NameAutocomplete.Candidates}),
        from_names AS (
            SELECT id FROM graph.{kind.Table} WHERE cardinality(@others::text[]) > 0 AND lower(name) LIKE @leadPattern ESCAPE '\'
            ORDER BY lower(name) USING ~<~, id LIMIT {NameAutocomplete.Candidates}),
        matches AS (
            SELECT e.id, e.name, round(1 + similarity(lower(e.name), lower(@query))::numeric, 4)::float8 AS score
            FROM (SELECT id FROM from_words UNION SELECT id FROM from_names) c JOIN graph.{kind.Table} e ON e.id = c.id
            WHERE e.id <> ALL(@seen)
              AND NOT EXISTS (
                  SELECT 1 FROM unnest(@others::text[]) t
                  WHERE NOT EXISTS (
                      SELECT 1 FROM regexp_split_to_table(lower(e.name), '{NameWordsBuild.Separators}') w WHERE starts_with(w, t)))
            ORDER BY score DESC, e.name COLLATE "C", e.id LIMIT @limit)
        SELECT m.id::text AS id, m.name, m.score,
               (SELECT count(*) FROM from_words) >= {NameAutocomplete.Candidates}
               OR (SELECT count(*) FROM from_names) >= {NameAutocomplete.Candidates} AS saturated
        FROM (SELECT 1) one LEFT JOIN matches m ON true
        ORDER BY m.score DESC NULLS LAST, m.name COLLATE "C", m.id
        """;

    private sealed record Row(string? Id, string? Name, double? Score, bool Saturated);
}
