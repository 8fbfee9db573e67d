namespace Discogsography.ServiceModel;

/// <summary>OpenAPI tag names, one per feature.</summary>
public static class Tags
{
    public const string Health = "health";
    public const string Auth = "auth";
    public const string OAuth = "oauth";
    public const string Explore = "explore";
    public const string Sync = "sync";
    public const string User = "user";
    public const string Snapshot = "snapshot";
    public const string ApiKeys = "api-keys";
    public const string Admin = "admin";
}
