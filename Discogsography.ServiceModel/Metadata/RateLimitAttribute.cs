namespace Discogsography.ServiceModel;

/// <summary>Whose requests a rate limit counts.</summary>
public enum RateLimitScope
{
    /// <summary>Per client IP (an IPv6 client per /64 network), as the reference's slowapi limits.</summary>
    ClientIp,

    /// <summary>Per authenticated user, whatever address they call from.</summary>
    User,

    /// <summary>Per app token, counted only for callers that present one; a route may have several such limits.</summary>
    AppToken,
}

/// <summary>
/// A fixed-window limit, in the <c>limits</c> library notation the reference uses: <c>"5/minute"</c>,
/// <c>"2/10minute"</c>, <c>"30/minute"</c>. Checked after authentication and validation succeeded, exactly like
/// slowapi, so rejected requests are not counted. A route may have one limit per scope, and several per app token.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class RateLimitAttribute(string limit) : Attribute
{
    /// <summary>The limit, e.g. <c>5/minute</c>.</summary>
    public string Limit { get; } = limit;

    /// <summary>Whose requests are counted (the client IP unless said otherwise).</summary>
    public RateLimitScope Per { get; init; } = RateLimitScope.ClientIp;
}
