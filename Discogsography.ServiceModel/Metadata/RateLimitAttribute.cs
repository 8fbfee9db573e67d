namespace Discogsography.ServiceModel;

/// <summary>
/// A fixed-window limit per client IP, in the <c>limits</c> library notation the reference uses:
/// <c>"5/minute"</c>, <c>"2/10minute"</c>, <c>"30/minute"</c>. Checked after authentication and validation
/// succeeded, exactly like slowapi, so rejected requests are not counted.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RateLimitAttribute(string limit) : Attribute
{
    /// <summary>The limit, e.g. <c>5/minute</c>.</summary>
    public string Limit { get; } = limit;
}
