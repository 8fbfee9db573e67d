using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.RateLimiting;

/// <summary>
/// Counts requests per route and client IP in the shared key-value store, so every instance enforces one limit
/// (the reference counts per process). Over the limit: 429 <c>{"error": "Rate limit exceeded: …"}</c> with a
/// <c>Retry-After</c> the reference never sent.
/// </summary>
public sealed class RateLimiter(IKeyValueStore store, SecuritySettings settings)
{
    /// <summary>Counts this request; throws the 429 when the window's limit is already used up.</summary>
    public async Task HitAsync(string route, string subject, RateLimitRule rule, CancellationToken cancellationToken)
    {
        if (!settings.RateLimitsEnabled)
            return;
        var window = await store.IncrementWindowAsync(RedisKeys.RateLimit(route, rule.Window, subject), rule.Window, cancellationToken);
        if (window.Count <= rule.Amount)
            return;
        var retryAfter = Math.Max(1, (int)Math.Ceiling(window.Remaining.TotalSeconds));
        throw HttpError.TooManyRequests($"Rate limit exceeded: {rule}")
            .As(ErrorBodyStyle.Error)
            .WithHeader("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
