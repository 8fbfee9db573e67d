using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>
/// A search request as the query runs it: the types and genres parsed from their comma-separated parameters, and
/// the Redis cache key the reference derives from them (REFERENCE-UPSTREAM.md §A.1): <c>search:</c> and the MD5 of
/// Python's <c>json.dumps(…, sort_keys=True)</c> of the normalised parameters, so both services share entries.
/// </summary>
public sealed record SearchRequestShape(string Query, IReadOnlyList<string> Types, IReadOnlyList<string> Genres, int? YearMin,
    int? YearMax, int Limit,
    int Offset)
{
    /// <summary>The searchable types, in the reference's order.</summary>
    public static readonly IReadOnlyList<string> AllTypes = ["artist", "label", "master", "release"];

    /// <summary>Each comma-separated item trimmed and lowercased, empty ones dropped; none at all means every type.</summary>
    public static IReadOnlyList<string> ParseTypes(string raw)
    {
        var types = SplitList(raw).Select(t => t.ToLowerInvariant()).ToList();
        return types.Count > 0 ? types : AllTypes;
    }

    /// <summary>Each comma-separated item trimmed, empty ones dropped; genre names are case-sensitive.</summary>
    public static IReadOnlyList<string> ParseGenres(string raw) => SplitList(raw).ToList();

    /// <summary>The requested types without repeats, in request order.</summary>
    public IReadOnlyList<string> DistinctTypes => Types.Distinct().ToList();

    /// <summary><c>search:&lt;md5 hex&gt;</c>.</summary>
    public string CacheKey => "search:" + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(CacheKeyText())));

    /// <summary>The text hashed into <see cref="CacheKey"/>, exactly as Python writes it (keys sorted, <c>", "</c> and
    /// <c>": "</c>, ASCII only).</summary>
    public string CacheKeyText() =>
        $"{{\"genres\": {PythonJson.List(Genres.Order(CodePointComparer.Instance))}, \"limit\": {Number(Limit)}, \"offset\": {Number(Offset)}, " +
        $"\"q\": {PythonJson.String(PythonJson.LowerStrip(Query))}, \"types\": {PythonJson.List(Types.Order(CodePointComparer.Instance))}, " +
        $"\"year_max\": {Number(YearMax)}, \"year_min\": {Number(YearMin)}}}";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static IEnumerable<string> SplitList(string raw) =>
        raw.Split(',').Select(PythonJson.Strip).Where(item => item.Length > 0);
}

/// <summary>Python's string sort order: by code point (UTF-16 order differs only for characters above U+FFFF).</summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var (left, right) = ((x ?? "").EnumerateRunes(), (y ?? "").EnumerateRunes());
        while (true)
        {
            var (moreLeft, moreRight) = (left.MoveNext(), right.MoveNext());
            if (!moreLeft || !moreRight)
                return moreLeft.CompareTo(moreRight);
            if (left.Current.Value != right.Current.Value)
                return left.Current.Value.CompareTo(right.Current.Value);
        }
    }
}

/// <summary>The pieces of Python's <c>json.dumps</c> (with <c>ensure_ascii</c>) and <c>str</c> methods the cache key needs.</summary>
internal static class PythonJson
{
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(String)) + "]";

    /// <summary>A JSON string as Python writes it: short escapes where it has them, <c>\uXXXX</c> (lowercase hex) for
    /// every other character outside space..tilde.</summary>
    public static string String(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                >= ' ' and <= '~' => c.ToString(),
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return json.Append('"').ToString();
    }

    /// <summary>Python's <c>s.lower().strip()</c>.</summary>
    public static string LowerStrip(string text) => Strip(text.ToLowerInvariant());

    /// <summary>Python's <c>str.strip()</c>: Unicode white space and the separators U+001C..U+001F.</summary>
    public static string Strip(string text)
    {
        var (start, end) = (0, text.Length);
        while (start < end && IsSpace(text[start]))
            start++;
        while (end > start && IsSpace(text[end - 1]))
            end--;
        return text[start..end];
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f';
}
