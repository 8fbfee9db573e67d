using System.Security.Cryptography;
using System.Text;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>
/// Passwords as the reference stores them (REFERENCE-API.md §3.1): PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) over the
/// UTF-8 password, a 32-byte random salt, 100 000 iterations, a 32-byte key, stored as <c>&lt;salt hex&gt;:&lt;key hex&gt;</c>.
/// </summary>
public static class PasswordHasher
{
    public const int Iterations = 100_000;
    private const int SaltBytes = 32;
    private const int KeyBytes = 32;

    /// <summary>
    /// A hash of a constant, checked when the email is unknown so that a login for a missing account costs the
    /// same as one for an existing account.
    /// </summary>
    public static string DummyHash { get; } = Hash("__dummy_password_for_timing__");

    /// <summary>A new salted hash of <paramref name="password"/>.</summary>
    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Convert.ToHexStringLower(salt) + ":" + Convert.ToHexStringLower(Derive(password, salt));
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="stored"/>; any malformed hash is "no match".</summary>
    public static bool Verify(string password, string stored)
    {
        var colon = stored.IndexOf(':');
        if (colon < 0 || !TryHex(stored[..colon], out var salt) || !TryHex(stored[(colon + 1)..], out var expected))
        {
            // Still pay for a derivation, so a malformed stored hash is not a timing signal either.
            Derive(password, new byte[SaltBytes]);
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Derive(password, salt), expected);
    }

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, KeyBytes);

    private static bool TryHex(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 2 != 0)
            return false;
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
