using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Infrastructure;

namespace Discogsography.Tests.Infrastructure;

/// <summary>Access tokens built the way the reference builds them (REFERENCE-API.md §3.2), for tests.</summary>
public static class TestTokens
{
    public const string Secret = "test-jwt-secret-for-unit-tests";

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
}
