using System.Security.Cryptography;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>An access token and what the login response says about it.</summary>
public sealed record IssuedAccessToken(string Token, string TokenId, DateTimeOffset ExpiresAt, int ExpiresInSeconds);

/// <summary>
/// Issues access tokens with the reference's claims in the reference's order — <c>sub</c>, <c>email</c>,
/// <c>exp</c>, <c>iat</c>, <c>jti</c> (REFERENCE-API.md §3.2) — plus <c>role</c> for admins and <c>sid</c>, the
/// session the token belongs to. The reference's own validator ignores the extra claims.
/// </summary>
public sealed class AccessTokenIssuer(JwtCodec codec, JwtSettings settings, TimeProvider time)
{
    /// <summary>Signs a token for the user, valid for <c>JWT_EXPIRE_MINUTES</c>.</summary>
    public IssuedAccessToken Issue(Guid userId, string email, bool isAdmin, Guid? sessionId)
    {
        var now = time.GetUtcNow();
        var expiresAt = now.AddMinutes(settings.ExpireMinutes);
        var jti = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var claims = new List<KeyValuePair<string, object>>
        {
            new("sub", userId.ToString()),
            new("email", email),
            new("exp", expiresAt.ToUnixTimeSeconds()),
            new("iat", now.ToUnixTimeSeconds()),
            new("jti", jti),
        };
        if (isAdmin)
            claims.Add(new("role", Roles.Admin));
        if (sessionId is { } sid)
            claims.Add(new("sid", sid.ToString()));
        return new IssuedAccessToken(codec.Encode(PythonJson.Object(claims)), jti, expiresAt, settings.ExpireMinutes * 60);
    }
}
