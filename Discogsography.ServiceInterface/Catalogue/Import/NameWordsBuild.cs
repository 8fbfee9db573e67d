using System.Text.RegularExpressions;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>
/// The build steps of <c>graph.name_words</c> (migration 0014): the words of every artist and label name but the one
/// it starts with, for autocomplete by word (REFERENCE-API.md §9.3), and the word rule the service splits queries by.
/// </summary>
internal static partial class NameWordsBuild
{
    /// <summary>
    /// The characters of a lowercased word, up to the last range's end: ASCII letters and digits, and every character
    /// above U+00A0 but the general punctuation block (U+2000–U+206F: dashes, typographic quotes, special spaces) and
    /// CJK punctuation (U+3000–U+303F). The rule needs no locale ("Björk", "Ñandú" and "美空ひばり" stay whole; "AC/DC" is
    /// "ac" and "dc"; "Jean-Michel" is "jean" and "michel").
    /// </summary>
    private const string WordCharacters = @"a-z0-9\u00a1-\u1fff\u2070-\u2fff\u3040-";

    /// <summary>What separates words, as a PostgreSQL regular expression over a lowercased name.</summary>
    public const string Separators = "[^" + WordCharacters + @"\U0010ffff]+";

    /// <summary>
    /// The words of a text by the same rule, lowercased: .NET strings hold the characters above U+FFFF as surrogate
    /// pairs (U+D800–U+DFFF), inside the last range, so it ends at U+FFFF.
    /// </summary>
    public static string[] WordsOf(string text) => SeparatorsRegex().Split(text.ToLowerInvariant()).Where(w => w.Length > 0).ToArray();

    [GeneratedRegex("[^" + WordCharacters + @"\uffff]+")]
    private static partial Regex SeparatorsRegex();

    public static readonly IReadOnlyList<BuildStep> Steps = [Words(GraphKind.Artist), Words(GraphKind.Label)];

    /// <summary>The <c>kind</c> column's value for the names of <paramref name="kind"/>: its first letter (a, l).</summary>
    public static char KindOf(GraphKind kind) => kind.Name[0];

    /// <summary>
    /// One kind's words, but the word a name starts with: the name-prefix index (<c>lower(name)</c>) already finds it,
    /// and leaving it out halves the table. The split's first piece is that word, or empty when the name starts with a
    /// separator ("\"Weird\" Al": then "weird" is the second piece, and kept). A word a name repeats ("Duran Duran")
    /// is written twice: making each name's words distinct cost 40 % more time (1.9 against 1.2 s for 526 k artists)
    /// for a dozen rows, and autocomplete takes distinct ids anyway.
    /// </summary>
    private static BuildStep Words(GraphKind kind) => new("name words " + kind.Table, ["name_words"], [kind.Table],
        $$"""
        INSERT INTO {s}.name_words (kind, word, id)
        SELECT '{{KindOf(kind)}}', w.word, e.id
        FROM {s}.{{kind.Table}} e, regexp_split_to_table(lower(e.name), '{{Separators}}') WITH ORDINALITY AS w(word, piece)
        WHERE w.piece > 1 AND w.word <> ''
        """);
}
