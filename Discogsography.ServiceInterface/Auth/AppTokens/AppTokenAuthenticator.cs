using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Auth.AppTokens;

/// <summary>
/// Authenticates an app token on a route that accepts one (REFERENCE-UPSTREAM.md §B.6.5): a working token of an active
/// account, holding the route's scope. The caller then acts as the token's user, without roles.
/// </summary>
public sealed class AppTokenAuthenticator(AppTokenQueries tokens)
{
    public async Task<AuthenticatedUser> AuthenticateAsync(string bearer, IReadOnlyList<string> requiredScopes,
        CancellationToken cancellationToken)
    {
        var hash = AppTokenCredentials.HashOf(bearer);
        var owner = await tokens.UseActiveAsync(hash, cancellationToken)
                    ?? throw HttpError.Unauthorized("Invalid or revoked app token").As(ErrorBodyStyle.Detail).WithBearerChallenge();
        if (!AppTokenCredentials.SameHash(owner.TokenHash, hash))
            throw HttpError.Unauthorized("Invalid app token").As(ErrorBodyStyle.Detail).WithBearerChallenge();
        var missing = requiredScopes.Where(s => !owner.Scope.Contains(s)).ToList();
        if (missing.Count > 0)
            throw HttpError.Forbidden($"App token missing required scope(s): {string.Join(", ", missing)}").As(ErrorBodyStyle.Detail);
        return new AuthenticatedUser(owner.UserId, owner.Email, [], null, null, null, owner.TokenId);
    }
}
