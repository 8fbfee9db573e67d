using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.RateLimiting;

namespace Discogsography.Host;

/// <summary>
/// Rate limits: the per-route windows of <c>[RateLimit]</c> (per client IP, user or app token, counted in the shared
/// key-value store) and the per-account sign-in lockout.
/// </summary>
internal static class ConfigureRateLimits
{
    public static void AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<LoginThrottle>();
    }
}
