namespace Discogsography.ServiceInterface.Security;

/// <summary>
/// How secrets are shown to operators (REFERENCE-API.md §6.3, <c>discogs-setup --show</c>): <c>(not set)</c> when
/// empty, <c>****</c> up to 4 characters, else the first and last two characters around one star per hidden one.
/// </summary>
public static class SecretMask
{
    public const string NotSet = "(not set)";

    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return NotSet;
        var characters = value.EnumerateRunes().Select(r => r.ToString()).ToArray();
        return characters.Length <= 4
            ? "****"
            : string.Concat(characters[..2]) + new string('*', characters.Length - 4) + string.Concat(characters[^2..]);
    }
}
