using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>
/// Authenticates bearer tokens: verifies the JWT, then checks <c>revoked:jti:&lt;jti&gt;</c> — on every
/// authenticated route, where the reference checked only a few (ARCHITECTURE.md §8).
/// </summary>
public sealed partial class JwtAccessTokenAuthenticator(
    JwtCodec codec, IKeyValueStore store, TimeProvider time, ILogger<JwtAccessTokenAuthenticator> logger) : IAccessTokenAuthenticator
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
        if (claims.TokenId is { } jti && await store.GetAsync(RedisKeys.RevokedToken(jti), cancellationToken) is not null)
            throw HttpError.Unauthorized("Token has been revoked").As(ErrorBodyStyle.Detail).WithBearerChallenge();
        return new AuthenticatedUser(
            claims.Subject, claims.Email, claims.Role is { } role ? [role] : [], claims.TokenId, claims.ExpiresAt, claims.SessionId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a bearer token: {Reason}")]
    private static partial void LogRejected(ILogger logger, TokenRejection reason);
}
