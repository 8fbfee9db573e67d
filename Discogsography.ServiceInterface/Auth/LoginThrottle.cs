using System.Globalization;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>
/// Brute force against one account, from any number of addresses: after <see cref="MaxFailures"/> failed sign-ins
/// for an email within <see cref="Window"/>, every attempt for it is refused (429 with <c>Retry-After</c>) until the
/// window ends. The check comes before the account is looked up, so an existing and an unknown email get the same
/// answer in the same time. Counted in the shared store, so every instance enforces one limit.
/// </summary>
public sealed class LoginThrottle(IKeyValueStore store, SecuritySettings settings)
{
    public const int MaxFailures = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Throws the 429 while the email's window is used up.</summary>
    public async Task EnsureAllowedAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        if (!settings.RateLimitsEnabled)
            return;
        if (await store.PeekWindowAsync(RedisKeys.FailedLogins(normalizedEmail), cancellationToken) is not { Count: >= MaxFailures } window)
            return;
        var retryAfter = Math.Max(1, (int)Math.Ceiling(window.Remaining.TotalSeconds));
        throw HttpError.TooManyRequests($"Rate limit exceeded: {MaxFailures} failed sign-ins per {Window.TotalMinutes:0} minutes for this account")
            .As(ErrorBodyStyle.Error)
            .WithHeader("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture));
    }

    public async Task RecordFailureAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        if (settings.RateLimitsEnabled)
            await store.IncrementWindowAsync(RedisKeys.FailedLogins(normalizedEmail), Window, cancellationToken);
    }

    /// <summary>A successful sign-in starts the count again.</summary>
    public Task ResetAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        store.DeleteAsync(RedisKeys.FailedLogins(normalizedEmail), cancellationToken);
}
