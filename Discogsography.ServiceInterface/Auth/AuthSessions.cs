using System.Security.Cryptography;
using System.Text;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Storage;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>A started or refreshed session: the tokens to hand back.</summary>
public sealed record SessionTokens(Guid SessionId, IssuedAccessToken Access, string RefreshToken);

/// <summary>
/// Session lifecycle: a login opens a session with a refresh token (stored only as its SHA-256); refreshing
/// rotates it; ending a session marks it in PostgreSQL and writes <c>revoked:sid:&lt;id&gt;</c> so its access tokens
/// are refused on every instance until they expire.
/// </summary>
public sealed class AuthSessions(SessionQueries sessions, IKeyValueStore store, AccessTokenIssuer issuer, JwtSettings jwt, TimeProvider time)
{
    /// <summary>Opens a session for <paramref name="user"/> and issues its first tokens.</summary>
    public async Task<SessionTokens> StartAsync(UserRow user, string? ip, string? userAgent, CancellationToken cancellationToken)
    {
        var refreshToken = NewRefreshToken();
        var expiresAt = time.GetUtcNow().AddDays(jwt.RefreshTokenDays);
        var sessionId = await sessions.CreateAsync(user.Id, ip, userAgent, expiresAt, HashOf(refreshToken), cancellationToken);
        return new SessionTokens(sessionId, issuer.Issue(user.Id, user.Email, user.IsAdmin, sessionId), refreshToken);
    }

    /// <summary>Rotates <paramref name="refreshToken"/>: the new refresh token and the session's user, or why not.</summary>
    public async Task<(RefreshResult Result, string? NewRefreshToken)> RotateAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = NewRefreshToken();
        var result = await sessions.RotateAsync(HashOf(refreshToken), HashOf(next), now, now.AddDays(jwt.RefreshTokenDays), cancellationToken);
        return (result, result.Lookup == RefreshLookup.Rotated ? next : null);
    }

    /// <summary>Issues an access token for a session that was just rotated.</summary>
    public IssuedAccessToken IssueFor(UserRow user, Guid sessionId) => issuer.Issue(user.Id, user.Email, user.IsAdmin, sessionId);

    /// <summary>Ends sessions of <paramref name="userId"/>: one (<paramref name="only"/>), all, or all but <paramref name="except"/>.</summary>
    public async Task<IReadOnlyList<Guid>> EndAsync(Guid userId, string reason, CancellationToken cancellationToken, Guid? only = null, Guid? except = null)
    {
        var ended = await sessions.EndAsync(userId, only, except, reason, time.GetUtcNow(), cancellationToken);
        // Access tokens live at most JWT_EXPIRE_MINUTES; the revocation only has to outlive them.
        var ttl = TimeSpan.FromMinutes(jwt.ExpireMinutes) + TimeSpan.FromMinutes(1);
        foreach (var sessionId in ended)
            await store.SetAsync(RedisKeys.RevokedSession(sessionId), "1", ttl, cancellationToken);
        return ended;
    }

    /// <summary>Notes activity on a session, writing to PostgreSQL at most once a minute per session.</summary>
    public async Task TouchAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (await store.SetIfAbsentAsync(RedisKeys.SessionTouched(sessionId), "1", TimeSpan.FromMinutes(1), cancellationToken))
            await sessions.TouchAsync(sessionId, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>256 random bits, base64url.</summary>
    private static string NewRefreshToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of a refresh token: lowercase hex SHA-256 of its UTF-8 bytes.</summary>
    public static string HashOf(string refreshToken) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
}
