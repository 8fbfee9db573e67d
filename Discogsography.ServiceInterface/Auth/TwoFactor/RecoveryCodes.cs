using System.Security.Cryptography;
using System.Text;

namespace Discogsography.ServiceInterface.Auth.TwoFactor;

/// <summary>
/// Single-use recovery codes (REFERENCE-UPSTREAM.md §B.5.1): eight per setup, each 12 random bytes as url-safe base64
/// (16 characters); only their SHA-256 digests are stored, and a code is matched exactly as issued.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 8;
    private const int CodeBytes = 12;

    /// <summary>New codes, to show once.</summary>
    public static List<string> Issue() =>
        [.. Enumerable.Range(0, Count)
            .Select(_ => Convert.ToBase64String(RandomNumberGenerator.GetBytes(CodeBytes)).Replace('+', '-').Replace('/', '_'))];

    /// <summary>The stored form of a code: lowercase hex SHA-256 of its UTF-8 bytes.</summary>
    public static string DigestOf(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
