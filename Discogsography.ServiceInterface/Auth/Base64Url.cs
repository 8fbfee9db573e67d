namespace Discogsography.ServiceInterface.Auth;

/// <summary>Base64url without padding (RFC 4648 §5), as JWS uses it (RFC 7515 §2).</summary>
public static class Base64Url
{
    /// <summary>Encodes without <c>=</c> padding, using <c>-</c> and <c>_</c>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>
    /// Decodes unpadded base64url (padding is added as needed, like the reference); anything outside the alphabet,
    /// whitespace and explicit padding included, fails.
    /// </summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1 || !text.All(IsAlphabet))
            return false;
        try
        {
            bytes = System.Buffers.Text.Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsAlphabet(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_';
}
