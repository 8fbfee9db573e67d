using System.Security.Cryptography;
using System.Text;

namespace Discogsography.ServiceInterface.Auth.AppTokens;

/// <summary>
/// The form of app tokens (REFERENCE-UPSTREAM.md §B.6.1): <c>dscg_</c> and 32 random bytes as url-safe base64 without
/// padding (48 characters in all); only the lowercase hex SHA-256 of the whole text is stored.
/// </summary>
public static class AppTokenCredentials
{
    public const string Prefix = "dscg_";
    private const int SecretBytes = 32;

    public static bool LooksLikeOne(string bearer) => bearer.StartsWith(Prefix, StringComparison.Ordinal);

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Constant-time equality of two hex digests (defence in depth after the indexed lookup).</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
