namespace Discogsography.ServiceModel;

/// <summary>Role names carried in the access token's <c>role</c> claim.</summary>
public static class Roles
{
    /// <summary>Administrators: the admin API and the Blazor dashboard.</summary>
    public const string Admin = "admin";
}
