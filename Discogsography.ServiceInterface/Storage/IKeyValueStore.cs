namespace Discogsography.ServiceInterface.Storage;

/// <summary>The count of a fixed-window counter after an increment, and the time until the window resets.</summary>
public readonly record struct WindowCount(long Count, TimeSpan Remaining);

/// <summary>
/// The shared state the service keeps outside PostgreSQL (revoked tokens, OAuth state, cooldowns, snapshots,
/// rate-limit counters). Redis when <c>REDIS_HOST</c> is set, so instances share it; in memory otherwise.
/// Key names come from <see cref="RedisKeys"/>.
/// </summary>
public interface IKeyValueStore
{
    /// <summary>What backs the store, for logs and readiness: <c>redis</c> or <c>in-memory</c>.</summary>
    string Kind { get; }

    /// <summary>The value, or null when missing or expired.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>The values of <paramref name="keys"/> in one round trip, null where missing or expired.</summary>
    Task<IReadOnlyList<string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Removes every key starting with <paramref name="prefix"/> (a cache cleared at once); returns how many went.</summary>
    Task<long> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Whether any of <paramref name="keys"/> holds a live value, asked in one round trip together with whether
    /// <paramref name="marker"/> exists (for checks on every request). Null when the marker is gone: the store lost
    /// its data since the marker was written (a restart without persistence, a flush), so an absent key proves nothing.
    /// </summary>
    Task<bool?> AnyExistsUnlessLostAsync(string marker, IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Sets a value, replacing any previous one, expiring after <paramref name="ttl"/> when given.</summary>
    Task SetAsync(string key, string value, TimeSpan? ttl, CancellationToken cancellationToken);

    /// <summary>Sets a value only when the key is absent; true when it was set.</summary>
    Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Reads and removes a value in one step (GETDEL): of two callers, only one gets it.</summary>
    Task<string?> TakeAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes a key; true when it existed.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Increments a counter that starts a fixed window of <paramref name="window"/> on its first increment.</summary>
    Task<WindowCount> IncrementWindowAsync(string key, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>A fixed-window counter's count and time left, without counting; null when no window is open.</summary>
    Task<WindowCount?> PeekWindowAsync(string key, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
