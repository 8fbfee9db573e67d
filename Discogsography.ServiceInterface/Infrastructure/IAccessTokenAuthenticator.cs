namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>Turns a bearer token into the caller it identifies.</summary>
public interface IAccessTokenAuthenticator
{
    /// <summary>
    /// Verifies <paramref name="token"/> and checks that it is not revoked. Throws a detail-style 401
    /// <see cref="HttpError"/> (<c>Invalid or expired token</c>, <c>Token has been revoked</c>, <c>Invalid token</c>) otherwise.
    /// </summary>
    Task<AuthenticatedUser> AuthenticateAsync(string token, CancellationToken cancellationToken);
}
