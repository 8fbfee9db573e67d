using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Security;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>A started or refreshed session: the tokens to hand back.</summary>
public sealed record SessionTokens(Guid SessionId, IssuedAccessToken Access, string RefreshToken)
{
    /// <summary>The login response carrying these tokens.</summary>
    public LoginResponse ToResponse(string? warning = null) => ResponseOf(Access, RefreshToken, warning);

    /// <summary>A login response with an access and a refresh token.</summary>
    public static LoginResponse ResponseOf(IssuedAccessToken access, string refreshToken, string? warning = null) => new()
    {
        AccessToken = access.Token, TokenType = "bearer", ExpiresIn = access.ExpiresInSeconds, RefreshToken = refreshToken,
            Warning = warning,
    };
}

/// <summary>What presenting a refresh token led to: new tokens (or the same ones, for a second tab), or why not.</summary>
public sealed record RefreshOutcome(RefreshResult Result, LoginResponse? Tokens);

/// <summary>
/// Session lifecycle: a login opens a session with a refresh token (stored only as its SHA-256); refreshing
/// rotates it, sliding the session up to its absolute lifetime (<c>SESSION_MAX_DAYS</c>). A token presented again
/// within <see cref="RefreshGrace"/> of its rotation (two tabs refreshing at once) gets the same new pair; later,
/// the caller ends the session as a replay. Ending sessions is <see cref="Revocations"/>' work.
/// </summary>
public sealed class AuthSessions(
    SessionQueries sessions, UserQueries users, IKeyValueStore store, AccessTokenIssuer issuer, SecretProtector protector, JwtSettings jwt,
    TimeProvider time)
{
    /// <summary>How long a rotated refresh token still gets the pair its rotation produced.</summary>
    public static readonly TimeSpan RefreshGrace = TimeSpan.FromSeconds(10);

    /// <summary>Opens a session for <paramref name="user"/> and issues its first tokens.</summary>
    public async Task<SessionTokens> StartAsync(UserRow user, string? ip, string? userAgent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sessionId = Guid.CreateVersion7(now);
        var refreshToken = NewRefreshToken();
        var access = issuer.Issue(user.Id, user.Email, user.IsAdmin, sessionId);
        var absolute = now.AddDays(jwt.SessionMaxDays);
        var expires = now.AddDays(jwt.RefreshTokenDays) is var sliding && sliding < absolute ? sliding : absolute;
        await sessions.CreateAsync(new NewSession(sessionId, user.Id, ip, userAgent, HashOf(refreshToken), expires, absolute,
            access.ExpiresAt), cancellationToken);
        return new SessionTokens(sessionId, access, refreshToken);
    }

    /// <summary>
    /// Rotates <paramref name="refreshToken"/>. The new pair is made while the old token's row is locked and kept for
    /// <see cref="RefreshGrace"/>, so a concurrent presentation of the same token waits and then receives it too.
    /// </summary>
    public async Task<RefreshOutcome> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var presentedHash = HashOf(refreshToken);
        LoginResponse? issued = null;
        var result = await sessions.RotateAsync(presentedHash, time.GetUtcNow(), TimeSpan.FromDays(jwt.RefreshTokenDays), async rotating =>
        {
            var user = await users.FindByIdAsync(rotating.UserId, cancellationToken);
            var next = NewRefreshToken();
            var access = issuer.Issue(rotating.UserId, user?.Email ?? "", user?.IsAdmin == true, rotating.SessionId);
            issued = SessionTokens.ResponseOf(access, next);
            await store.SetAsync(RedisKeys.RefreshGrace(presentedHash),
                protector.Protect(JsonSerializer.Serialize(issued, WireJson.Options)),
                RefreshGrace, cancellationToken);
            return new Rotation(HashOf(next), access.ExpiresAt);
        }, cancellationToken);
        if (result.Lookup == RefreshLookup.Reused && result.RotatedAt > time.GetUtcNow() - RefreshGrace)
            issued = await GraceTokensAsync(presentedHash, cancellationToken);
        return new RefreshOutcome(result, issued);
    }

    /// <summary>Notes activity on a session, writing to PostgreSQL at most once a minute per session.</summary>
    public async Task TouchAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (await store.SetIfAbsentAsync(RedisKeys.SessionTouched(sessionId), "1", TimeSpan.FromMinutes(1), cancellationToken))
            await sessions.TouchAsync(sessionId, time.GetUtcNow(), cancellationToken);
    }

    private async Task<LoginResponse?> GraceTokensAsync(string presentedHash, CancellationToken cancellationToken) =>
        await store.GetAsync(RedisKeys.RefreshGrace(presentedHash), cancellationToken) is { } kept
            ? JsonSerializer.Deserialize<LoginResponse>(protector.Unprotect(kept), WireJson.Options)
            : null;

    /// <summary>256 random bits, base64url.</summary>
    private static string NewRefreshToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of a refresh token: lowercase hex SHA-256 of its UTF-8 bytes.</summary>
    public static string HashOf(string refreshToken) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
}
