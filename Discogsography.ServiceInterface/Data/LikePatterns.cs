namespace Discogsography.ServiceInterface.Data;

/// <summary>
/// LIKE patterns built from user text, whose own <c>%</c>, <c>_</c> and <c>\</c> are taken literally (<c>\</c> is the
/// escape character; statements say <c>ESCAPE '\'</c> where they must not rely on the default).
/// </summary>
public static class LikePatterns
{
    public static string Literal(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_",
            StringComparison.Ordinal);

    /// <summary>Text starting with <paramref name="prefix"/>.</summary>
    public static string StartingWith(string prefix) => Literal(prefix) + "%";

    /// <summary>Text containing the trimmed search, or null (no filter) when it is empty.</summary>
    public static string? Containing(string? search) => search?.Trim() is { Length: > 0 } text ? "%" + Literal(text) + "%" : null;
}
