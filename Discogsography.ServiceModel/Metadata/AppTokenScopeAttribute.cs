namespace Discogsography.ServiceModel;

/// <summary>
/// An app token with <see cref="Scope"/> may call this route instead of an access token (REFERENCE-UPSTREAM.md §B.6.5).
/// Routes without the attribute refuse app tokens; the route must also require authentication.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AppTokenScopeAttribute(string scope) : Attribute
{
    /// <summary>One of <see cref="AppTokenScopes"/>.</summary>
    public string Scope { get; } = scope;
}
