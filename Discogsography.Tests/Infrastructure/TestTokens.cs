using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Infrastructure;

namespace Discogsography.Tests.Infrastructure;

/// <summary>Access tokens built the way the reference builds them (REFERENCE-API.md §3.2), for tests.</summary>
public static class TestTokens
{
    /// <summary>The shared host's <c>JWT_SECRET_KEY</c> (48 bytes: HS256 keys must have at least 32).</summary>
    public const string Secret = "discogsography-tests-jwt-secret-key-of-48-bytes!";

    /// <summary>A strong secret that is not the host's, for tokens that must fail their signature check.</summary>
    public const string OtherSecret = "another-secret-of-more-than-thirty-two-bytes-long";

    /// <summary>A signed token for <paramref name="subject"/>; <paramref name="expiresAt"/> defaults to an hour from now.</summary>
    public static string Create(string subject, string email = "test@example.com", string? role = null, string? jti = null,
        DateTimeOffset? expiresAt = null, string secret = Secret)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new List<KeyValuePair<string, object>>
        {
            new("sub", subject),
            new("email", email),
            new("exp", (expiresAt ?? now.AddHours(1)).ToUnixTimeSeconds()),
            new("iat", now.ToUnixTimeSeconds()),
        };
        if (jti is not null)
            claims.Add(new("jti", jti));
        if (role is not null)
            claims.Add(new("role", role));
        return JwtCodec.FromSecret(secret).Encode(PythonJson.Object(claims));
    }

    /// <summary>
    /// A token assembled byte by byte, the way a forger (or the reference, RFC 7515 §5.1) would: any header, any
    /// payload, signed with HMAC-SHA256 under <paramref name="secret"/> or not signed at all.
    /// </summary>
    public static string Assemble(string header, string payload, bool sign = true, string secret = Secret)
    {
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "."
            + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        return input + "." + (sign ? Sign(input, Encoding.UTF8.GetBytes(secret)) : "");
    }

    /// <summary>The base64url HMAC-SHA256 of a JWS signing input (RFC 7515 §5.1 step 5).</summary>
    public static string Sign(string signingInput, byte[] key) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)));
}
