using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>
/// Authenticates bearer tokens: verifies the JWT, then checks <c>revoked:jti:&lt;jti&gt;</c> and, for tokens of a
/// session, <c>revoked:sid:&lt;sid&gt;</c> — on every authenticated route, where the reference checked only a few
/// (ARCHITECTURE.md §8); a token without a session (the Python service's) is also refused when it was issued before
/// the account's last password change. Session activity is recorded at most once a minute.
/// </summary>
public sealed partial class JwtAccessTokenAuthenticator(
    JwtCodec codec, Revocations revocations, AuthSessions sessions, PasswordChanges passwords, ILogger<JwtAccessTokenAuthenticator> logger)
    : IAccessTokenAuthenticator
{
    public async Task<AuthenticatedUser> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        AccessTokenClaims claims;
        try
        {
            claims = await codec.DecodeAsync(token);
        }
        catch (TokenRejectedException e)
        {
            LogRejected(logger, e.Reason);
            throw HttpError.Unauthorized("Invalid or expired token").As(ErrorBodyStyle.Detail).WithBearerChallenge();
        }
        // Only access tokens authenticate: a token with a type (a sign-in challenge, the upstream's admin tokens) proves
        // less than an access token does (REFERENCE-UPSTREAM.md §0.1). Every route keys its data on the subject as a user
        // id: one that is not a UUID identifies nobody.
        if (claims.Type is not null)
            throw HttpError.Unauthorized("Invalid token").As(ErrorBodyStyle.Detail).WithBearerChallenge();
        if (!Guid.TryParse(claims.Subject, out var userId))
            throw HttpError.Unauthorized("Invalid token").As(ErrorBodyStyle.Detail);
        if (await revocations.IsRevokedAsync(claims.TokenId, claims.SessionId, cancellationToken)
            || (claims.SessionId is null && await passwords.PredatesChangeAsync(userId, claims.IssuedAt, cancellationToken)))
            throw HttpError.Unauthorized("Token has been revoked").As(ErrorBodyStyle.Detail).WithBearerChallenge();
        if (claims.SessionId is { } sessionId)
            await sessions.TouchAsync(sessionId, cancellationToken);
        return new AuthenticatedUser(
            userId, claims.Email, claims.Role is { } role ? [role] : [], claims.TokenId, claims.ExpiresAt, claims.SessionId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a bearer token: {Reason}")]
    private static partial void LogRejected(ILogger logger, TokenRejection reason);
}
