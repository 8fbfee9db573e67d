namespace Discogsography.ServiceInterface.Storage;

/// <summary>
/// The key-value store for a single instance without Redis. Expiry follows the injected <see cref="TimeProvider"/>;
/// expired entries are dropped when read and swept every <see cref="SweepEvery"/> writes, so memory stays bounded.
/// </summary>
public sealed class InMemoryKeyValueStore(TimeProvider time) : IKeyValueStore
{
    private const int SweepEvery = 1024;
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int writesSinceSweep;

    public string Kind => "in-memory";

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(Live(key)?.Value);
    }

    public Task<IReadOnlyList<string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyList<string?>>(keys.Select(key => Live(key)?.Value).ToArray());
    }

    public Task<long> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var doomed = entries.Keys.Where(key => key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            foreach (var key in doomed)
                entries.Remove(key);
            return Task.FromResult((long)doomed.Count);
        }
    }

    public Task<bool?> AnyExistsUnlessLostAsync(string marker, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(Live(marker) is null ? (bool?)null : keys.Any(key => Live(key) is not null));
    }

    public Task SetAsync(string key, string value, TimeSpan? ttl, CancellationToken cancellationToken)
    {
        lock (gate)
            Write(key, new Entry(value, ttl is { } t ? time.GetUtcNow() + t : null));
        return Task.CompletedTask;
    }

    public Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (Live(key) is not null)
                return Task.FromResult(false);
            Write(key, new Entry(value, time.GetUtcNow() + ttl));
            return Task.FromResult(true);
        }
    }

    public Task<string?> TakeAsync(string key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var value = Live(key)?.Value;
            entries.Remove(key);
            return Task.FromResult(value);
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult(Live(key) is not null && entries.Remove(key));
    }

    public Task<WindowCount> IncrementWindowAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var current = Live(key);
            var expiresAt = current?.ExpiresAt ?? now + window;
            var count = (current is null ? 0 : long.Parse(current.Value, System.Globalization.CultureInfo.InvariantCulture)) + 1;
            Write(key, new Entry(count.ToString(System.Globalization.CultureInfo.InvariantCulture), expiresAt));
            return Task.FromResult(new WindowCount(count, expiresAt - now));
        }
    }

    public Task<WindowCount?> PeekWindowAsync(string key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            return Task.FromResult(Live(key) is { ExpiresAt: { } expiresAt } entry
                ? new WindowCount(long.Parse(entry.Value, System.Globalization.CultureInfo.InvariantCulture), expiresAt - now)
                : (WindowCount?)null);
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Entry? Live(string key)
    {
        if (!entries.TryGetValue(key, out var entry))
            return null;
        if (!entry.IsExpired(time.GetUtcNow()))
            return entry;
        entries.Remove(key);
        return null;
    }

    private void Write(string key, Entry entry)
    {
        entries[key] = entry;
        if (++writesSinceSweep < SweepEvery)
            return;
        writesSinceSweep = 0;
        var now = time.GetUtcNow();
        foreach (var expired in entries.Where(e => e.Value.IsExpired(now)).Select(e => e.Key).ToList())
            entries.Remove(expired);
    }

    private sealed record Entry(string Value, DateTimeOffset? ExpiresAt)
    {
        public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } at && at <= now;
    }
}
