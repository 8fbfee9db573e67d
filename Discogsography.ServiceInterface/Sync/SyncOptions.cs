namespace Discogsography.ServiceInterface.Sync;

/// <summary>How sync jobs are queued, claimed, paced and recovered (ARCHITECTURE.md §5).</summary>
public sealed record SyncOptions
{
    /// <summary>How long a user waits between two syncs they trigger (<c>sync:cooldown</c>, 600 s as in the reference).</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>How often an idle worker looks for queued jobs other instances created.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a running job proves its worker is alive.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A running job without a heartbeat for this long is claimed again by any instance.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Claims of one job before it is failed for good (a job that crashes its worker must not loop forever).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Jobs one instance runs at once.</summary>
    public int MaxConcurrentJobs { get; init; } = 2;

    /// <summary>The pause between two pages of a list, as the reference (Discogs allows 60 authenticated requests a minute).</summary>
    public TimeSpan PageDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The pause when Discogs says the rate-limit window is used up (<c>X-Discogs-Ratelimit-Remaining: 0</c>).</summary>
    public TimeSpan RateLimitPause { get; init; } = TimeSpan.FromSeconds(60);
}
