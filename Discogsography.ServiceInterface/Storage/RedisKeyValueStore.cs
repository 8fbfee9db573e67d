using Discogsography.ServiceInterface.Redis;

namespace Discogsography.ServiceInterface.Storage;

/// <summary>The key-value store on Redis, shared by every instance.</summary>
public sealed class RedisKeyValueStore(RedisClient redis) : IKeyValueStore
{
    public string Kind => "redis";

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => redis.GetAsync(key, cancellationToken);

    public async Task<bool> AnyExistsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        keys.Count > 0 && await redis.CountExistingAsync(keys, cancellationToken) > 0;

    public Task SetAsync(string key, string value, TimeSpan? ttl, CancellationToken cancellationToken) =>
        redis.SetAsync(key, value, ttl, cancellationToken);

    public Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken) =>
        redis.SetIfAbsentAsync(key, value, ttl, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => redis.DeleteAsync(key, cancellationToken);

    public async Task<WindowCount> IncrementWindowAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var (count, remaining) = await redis.IncrementWindowAsync(key, window, cancellationToken);
        return new WindowCount(count, remaining);
    }

    public Task PingAsync(CancellationToken cancellationToken) => redis.PingAsync(cancellationToken);
}
