using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Auth.AppTokens;

/// <summary>
/// Authenticates an app token on a route that accepts one (REFERENCE-UPSTREAM.md §B.6.5): a working token of an active
/// account, holding the route's scope. The caller then acts as the token's user, without roles.
/// </summary>
public sealed partial class AppTokenAuthenticator(AppTokenQueries tokens, ILogger<AppTokenAuthenticator> logger)
{
    public async Task<AuthenticatedUser> AuthenticateAsync(string bearer, IReadOnlyList<string> requiredScopes,
        CancellationToken cancellationToken)
    {
        var hash = AppTokenCredentials.HashOf(bearer);
        var owner = await tokens.FindActiveAsync(hash, cancellationToken)
                    ?? throw HttpError.Unauthorized("Invalid or revoked app token").As(ErrorBodyStyle.Detail).WithBearerChallenge();
        if (!AppTokenCredentials.SameHash(owner.TokenHash, hash))
            throw HttpError.Unauthorized("Invalid app token").As(ErrorBodyStyle.Detail).WithBearerChallenge();
        var missing = requiredScopes.Where(s => !owner.Scope.Contains(s)).ToList();
        if (missing.Count > 0)
            throw HttpError.Forbidden($"App token missing required scope(s): {string.Join(", ", missing)}").As(ErrorBodyStyle.Detail);
        try
        {
            await tokens.TouchAsync(owner.TokenId, cancellationToken);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            LogTouchFailed(logger, e, owner.TokenId);
        }
        return new AuthenticatedUser(owner.UserId, owner.Email, [], null, null, null, owner.TokenId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the use of app token {TokenId}")]
    private static partial void LogTouchFailed(ILogger logger, Exception exception, Guid tokenId);
}
