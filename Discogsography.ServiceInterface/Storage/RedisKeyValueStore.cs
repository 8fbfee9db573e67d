using Discogsography.ServiceInterface.Infrastructure;
using StackExchange.Redis;

namespace Discogsography.ServiceInterface.Storage;

/// <summary>
/// The key-value store on Redis (StackExchange.Redis, one multiplexer for the process), shared by every instance.
/// Any Redis failure — unreachable, restarting (<c>LOADING</c>), timed out — surfaces as
/// <see cref="DependencyUnavailableException"/>, which the API answers with 503 and <c>Retry-After</c>.
/// </summary>
public sealed class RedisKeyValueStore(IConnectionMultiplexer redis) : IKeyValueStore
{
    /// <summary>
    /// Atomic fixed-window counter: the first increment sets the window's expiry, so a crash between the two
    /// steps can never leave a counter without a TTL. Returns {count, milliseconds left in the window}.
    /// </summary>
    private static readonly LuaScript IncrementWindowScript = LuaScript.Prepare("""
        local count = redis.call('INCR', @key)
        if count == 1 then redis.call('PEXPIRE', @key, @window) end
        return {count, redis.call('PTTL', @key)}
        """);

    private IDatabase Database => redis.GetDatabase();

    public string Kind => "redis";

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(async db => (string?)await db.StringGetAsync(key), cancellationToken);

    /// <summary>One pipelined batch of single-key GETs (an MGET would be cross-slot on a Redis Cluster).</summary>
    public Task<IReadOnlyList<string?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string?>>(async db =>
        {
            var batch = db.CreateBatch();
            var values = keys.Select(key => batch.StringGetAsync(key)).ToArray();
            batch.Execute();
            return (await Task.WhenAll(values)).Select(value => (string?)value).ToArray();
        }, cancellationToken);

    /// <summary>SCAN on every primary (all of a Cluster's), deleting what matches with UNLINK in pages.</summary>
    public Task<long> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken) =>
        CallAsync(async db =>
        {
            var pattern = new RedisValue(EscapeGlob(prefix) + "*");
            long removed = 0;
            foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
            {
                await foreach (var page in server.KeysAsync(db.Database, pattern,
                    pageSize: 500).Chunk(500).WithCancellation(cancellationToken))
                    removed += await db.KeyDeleteAsync(page);
            }
            return removed;
        }, cancellationToken);

    /// <summary>One pipelined batch of single-key EXISTS: one round trip, and valid on a Redis Cluster (no cross-slot command).</summary>
    public Task<bool?> AnyExistsUnlessLostAsync(string marker, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        CallAsync(async db =>
        {
            var batch = db.CreateBatch();
            var markerExists = batch.KeyExistsAsync(marker);
            var found = keys.Select(key => batch.KeyExistsAsync(key)).ToArray();
            batch.Execute();
            var anyFound = (await Task.WhenAll(found)).Any(exists => exists);
            return await markerExists ? anyFound : (bool?)null;
        }, cancellationToken);

    public Task SetAsync(string key, string value, TimeSpan? ttl, CancellationToken cancellationToken) =>
        CallAsync(db => db.StringSetAsync(key, value, ttl, When.Always), cancellationToken);

    public Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken) =>
        CallAsync(db => db.StringSetAsync(key, value, ttl, When.NotExists), cancellationToken);

    public Task<string?> TakeAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(async db => (string?)await db.StringGetDeleteAsync(key), cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(db => db.KeyDeleteAsync(key), cancellationToken);

    public Task<WindowCount> IncrementWindowAsync(string key, TimeSpan window, CancellationToken cancellationToken) =>
        CallAsync(async db =>
        {
            var milliseconds = Math.Max(1, (long)Math.Ceiling(window.TotalMilliseconds));
            var reply = (RedisResult[])(await db.ScriptEvaluateAsync(IncrementWindowScript,
                new { key = (RedisKey)key, window = milliseconds }))!;
            return new WindowCount((long)reply[0], TimeSpan.FromMilliseconds(Math.Max(0, (long)reply[1])));
        }, cancellationToken);

    /// <summary>GET and PTTL in one pipelined round trip.</summary>
    public Task<WindowCount?> PeekWindowAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(async db =>
        {
            var batch = db.CreateBatch();
            var count = batch.StringGetAsync(key);
            var ttl = batch.KeyTimeToLiveAsync(key);
            batch.Execute();
            return (long?)await count is { } value && await ttl is { } remaining ? new WindowCount(value, remaining) : (WindowCount?)null;
        }, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => CallAsync(db => db.PingAsync(), cancellationToken);

    /// <summary>A glob pattern matching <paramref name="text"/> literally.</summary>
    private static string EscapeGlob(string text) =>
        string.Concat(text.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? "\\" + c : c.ToString()));

    /// <summary>StackExchange.Redis takes no cancellation token: the caller stops waiting, the command still completes.</summary>
    private async Task<T> CallAsync<T>(Func<IDatabase, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(Database).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            throw new DependencyUnavailableException("Redis", e.Message, e);
        }
    }
}
