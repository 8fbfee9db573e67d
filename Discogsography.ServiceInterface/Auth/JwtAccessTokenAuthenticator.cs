using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>
/// Authenticates bearer tokens: verifies the JWT, then checks <c>revoked:jti:&lt;jti&gt;</c> and, for tokens of a
/// session, <c>revoked:sid:&lt;sid&gt;</c> — on every authenticated route, where the reference checked only a few
/// (ARCHITECTURE.md §8). Session activity is recorded at most once a minute.
/// </summary>
public sealed partial class JwtAccessTokenAuthenticator(
    JwtCodec codec, IKeyValueStore store, AuthSessions sessions, TimeProvider time, ILogger<JwtAccessTokenAuthenticator> logger)
    : IAccessTokenAuthenticator
{
    public async Task<AuthenticatedUser> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        AccessTokenClaims claims;
        try
        {
            claims = codec.Decode(token, time.GetUtcNow());
        }
        catch (TokenRejectedException e)
        {
            LogRejected(logger, e.Reason);
            throw HttpError.Unauthorized("Invalid or expired token").As(ErrorBodyStyle.Detail).WithBearerChallenge();
        }
        if (claims.Subject is null)
            throw HttpError.Unauthorized("Invalid token").As(ErrorBodyStyle.Detail);
        if (await IsRevokedAsync(claims, cancellationToken))
            throw HttpError.Unauthorized("Token has been revoked").As(ErrorBodyStyle.Detail).WithBearerChallenge();
        if (claims.SessionId is { } sessionId)
            await sessions.TouchAsync(sessionId, cancellationToken);
        return new AuthenticatedUser(
            claims.Subject, claims.Email, claims.Role is { } role ? [role] : [], claims.TokenId, claims.ExpiresAt, claims.SessionId);
    }

    private async Task<bool> IsRevokedAsync(AccessTokenClaims claims, CancellationToken cancellationToken) =>
        (claims.TokenId is { } jti && await store.GetAsync(RedisKeys.RevokedToken(jti), cancellationToken) is not null)
        || (claims.SessionId is { } sid && await store.GetAsync(RedisKeys.RevokedSession(sid), cancellationToken) is not null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a bearer token: {Reason}")]
    private static partial void LogRejected(ILogger logger, TokenRejection reason);
}
