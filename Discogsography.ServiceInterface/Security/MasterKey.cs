using System.Security.Cryptography;
using System.Text;

namespace Discogsography.ServiceInterface.Security;

/// <summary>
/// The Fernet keys derived from <c>ENCRYPTION_MASTER_KEY</c> (REFERENCE-UPSTREAM.md §B.1), as the upstream derives
/// them: HKDF (RFC 5869, https://www.rfc-editor.org/rfc/rfc5869) with SHA-256 over the master key's url-safe base64
/// decoding, no salt, 32 bytes of output, one purpose string per use; the output in url-safe base64 with padding is
/// the Fernet key. Both services therefore read each other's TOTP secrets and OAuth tokens.
/// </summary>
public static class MasterKey
{
    public const string Setting = "ENCRYPTION_MASTER_KEY";

    /// <summary>The purpose of the key that encrypts TOTP secrets.</summary>
    public const string TotpPurpose = "totp-secrets";

    /// <summary>The purpose of the key that encrypts OAuth tokens, app credentials and stored API keys.</summary>
    public const string OAuthPurpose = "oauth-tokens";

    /// <summary>The one line startup prints for a master key it cannot decode (never the value).</summary>
    public const string InvalidMessage =
        "ENCRYPTION_MASTER_KEY must be url-safe base64 with padding, e.g. a Fernet key (generate one with: head -c 32 /dev/urandom | base64 | tr '+/' '-_')";

    /// <summary>True when <paramref name="masterKey"/> is non-empty url-safe base64 with correct padding.</summary>
    public static bool IsValid(string masterKey) => Decode(masterKey) is { Length: > 0 };

    /// <summary>The Fernet key for <paramref name="purpose"/>.</summary>
    public static string Derive(string masterKey, string purpose)
    {
        var input = Decode(masterKey) ?? throw new FormatException(InvalidMessage);
        var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, input, 32, salt: [], info: Encoding.ASCII.GetBytes(purpose));
        return Convert.ToBase64String(derived).Replace('+', '-').Replace('/', '_');
    }

    private static byte[]? Decode(string text)
    {
        if (text.Length == 0 || text.Length % 4 != 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=')))
            return null;
        try
        {
            return Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/'));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
