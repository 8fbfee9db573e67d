namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>The caller identified by a verified, unrevoked access token.</summary>
/// <param name="UserId">The <c>sub</c> claim, which must be a UUID (a token whose subject is not one is refused).</param>
/// <param name="Email">The <c>email</c> claim.</param>
/// <param name="Roles">Roles from the <c>role</c> claim (empty for ordinary users).</param>
/// <param name="TokenId">The <c>jti</c> claim, when present.</param>
/// <param name="ExpiresAt">The <c>exp</c> claim.</param>
/// <param name="SessionId">The <c>sid</c> claim of tokens issued with a refresh session.</param>
/// <param name="AppTokenId">The app token the caller presented instead of an access token, if any.</param>
public sealed record AuthenticatedUser(
    Guid UserId,
    string? Email,
    IReadOnlyList<string> Roles,
    string? TokenId,
    DateTimeOffset? ExpiresAt,
    Guid? SessionId,
    Guid? AppTokenId = null)
{
    /// <summary>The <c>sub</c> claim as the reference writes it: a lowercase hyphenated UUID.</summary>
    public string Subject => UserId.ToString();

    /// <summary>True when the caller holds the admin role.</summary>
    public bool IsAdmin => Roles.Contains(ServiceModel.Roles.Admin);

    /// <summary>True when the caller holds <paramref name="role"/>.</summary>
    public bool HasRole(string role) => Roles.Contains(role);
}
