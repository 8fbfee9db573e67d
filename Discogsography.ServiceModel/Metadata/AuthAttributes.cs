namespace Discogsography.ServiceModel;

/// <summary>
/// The caller must present a valid, unrevoked bearer token. Allowed on a request DTO, a service class or a
/// service method.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public class AuthenticateAttribute : Attribute
{
    /// <summary>
    /// The 401 detail when no bearer credentials are sent. The reference says <c>Not authenticated</c> on most
    /// routes and <c>Authentication required</c> on the personalized <c>/api/user/*</c> routes.
    /// </summary>
    public string MissingCredentialsMessage { get; init; } = "Not authenticated";
}

/// <summary>The caller must be authenticated and hold <see cref="Role"/> (see <see cref="Roles"/>); otherwise 403.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequiredRoleAttribute(string role) : AuthenticateAttribute
{
    /// <summary>The role the caller must hold.</summary>
    public string Role { get; } = role;

    /// <summary>The 403 detail: <c>Admin privileges required</c> for the admin role.</summary>
    public string DeniedMessage { get; init; } = role == Roles.Admin ? "Admin privileges required" : $"The {role} role is required";
}

/// <summary>
/// A valid bearer token identifies the caller; a missing, invalid or revoked one makes the call anonymous
/// instead of failing (the reference's <c>/api/user/status</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class OptionalAuthenticationAttribute : Attribute;
