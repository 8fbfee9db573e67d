using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Auth.AppTokens;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;
using Microsoft.Extensions.Primitives;

namespace Discogsography.Host.Pipeline;

/// <summary>
/// Applies a route's <see cref="AuthPolicy"/>: extracts the bearer token the way FastAPI's HTTPBearer does and
/// asks <see cref="IAccessTokenAuthenticator"/> who it is. Revocation is checked on every authenticated route
/// (the reference checked it on a few); a role must be in the token and still held by the account.
/// </summary>
internal sealed class RequestAuthentication(IAccessTokenAuthenticator authenticator, AppTokenAuthenticator appTokens, AccountRoles roles)
{
    /// <summary>The caller, null for anonymous calls; throws 401/403 for required auth that fails.</summary>
    public async Task<AuthenticatedUser?> AuthenticateAsync(AuthPolicy policy, HttpContext context)
    {
        if (policy.Mode == AuthMode.Anonymous)
            return null;
        var token = BearerTokenOf(context.Request.Headers.Authorization);
        if (policy.Mode == AuthMode.Optional)
            return token is null ? null : await TryAuthenticateAsync(token, context.RequestAborted);
        if (token is null)
            throw HttpError.Unauthorized(policy.MissingCredentialsMessage).As(ErrorBodyStyle.Detail).WithBearerChallenge();
        // An app token is tried only where the route names a scope; elsewhere it fails as a JWT (REFERENCE-UPSTREAM.md §B.6.5).
        var user = policy.AppTokenScopes.Count > 0 && AppTokenCredentials.LooksLikeOne(token)
            ? await appTokens.AuthenticateAsync(token, policy.AppTokenScopes, context.RequestAborted)
            : await authenticator.AuthenticateAsync(token, context.RequestAborted);
        foreach (var requirement in policy.Roles)
        {
            if (!user.HasRole(requirement.Role) || !await roles.HoldsAsync(user.UserId, requirement.Role, context.RequestAborted))
                throw HttpError.Forbidden(requirement.DeniedMessage).As(ErrorBodyStyle.Detail);
        }
        return user;
    }

    /// <summary>
    /// The credentials of an <c>Authorization: Bearer &lt;token&gt;</c> header: the text after the first space,
    /// trimmed. No header, no token or another scheme means no credentials.
    /// </summary>
    public static string? BearerTokenOf(StringValues header)
    {
        var value = header.ToString();
        var space = value.IndexOf(' ');
        if (space <= 0 || !value[..space].Equals("bearer", StringComparison.OrdinalIgnoreCase))
            return null;
        var token = value[(space + 1)..].Trim();
        return token.Length > 0 ? token : null;
    }

    private async Task<AuthenticatedUser?> TryAuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            return await authenticator.AuthenticateAsync(token, cancellationToken);
        }
        catch (HttpError e) when (e.StatusCode == StatusCodes.Status401Unauthorized)
        {
            return null;
        }
    }
}
