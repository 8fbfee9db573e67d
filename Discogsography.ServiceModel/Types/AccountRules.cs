namespace Discogsography.ServiceModel;

/// <summary>The limits on account fields, shared by the contracts, the services, the Admin and the tests.</summary>
public static class AccountRules
{
    /// <summary>The shortest password accepted anywhere (REFERENCE-API.md §3.5).</summary>
    public const int MinimumPasswordLength = 8;

    /// <summary>The <c>users.email</c> column's width.</summary>
    public const int MaxEmailLength = 255;
}
