using Discogsography.ServiceInterface.Storage;
using StackExchange.Redis;

namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// A connection for tests only, with admin commands enabled (FLUSHDB, KEYS, INFO), which the service's own
/// connection never has.
/// </summary>
public sealed class TestRedis : IAsyncDisposable
{
    private readonly ConnectionMultiplexer connection;

    private TestRedis(ConnectionMultiplexer connection) => this.connection = connection;

    public IDatabase Database => connection.GetDatabase();

    private IServer Server => connection.GetServer(connection.GetEndPoints().Single());

    public static async Task<TestRedis> ConnectAsync(string redisHost)
    {
        var options = RedisConfiguration.Parse(redisHost);
        options.AllowAdmin = true;
        return new TestRedis(await ConnectionMultiplexer.ConnectAsync(options));
    }

    public async Task<string?> GetAsync(string key) => await Database.StringGetAsync(key);

    public Task SetAsync(string key, string value, TimeSpan? ttl) => Database.StringSetAsync(key, value, ttl, When.Always);

    public Task<bool> DeleteAsync(string key) => Database.KeyDeleteAsync(key);

    /// <summary>The time left before the key expires; null when it is missing or has no expiry.</summary>
    public Task<TimeSpan?> TimeToLiveAsync(string key) => Database.KeyTimeToLiveAsync(key);

    /// <summary>Empties the selected database.</summary>
    public Task FlushAsync() => Server.FlushDatabaseAsync(Database.Database);

    /// <summary>The keys matching a glob pattern.</summary>
    public async Task<string[]> KeysAsync(string pattern)
    {
        var keys = new List<string>();
        await foreach (var key in Server.KeysAsync(Database.Database, pattern))
            keys.Add(key.ToString());
        return [.. keys];
    }

    /// <summary>A server setting (<c>CONFIG GET name</c>).</summary>
    public async Task<string?> ConfigAsync(string name) => (await Server.ConfigGetAsync(name)).SingleOrDefault().Value;

    /// <summary>The raw text of <c>INFO section</c>.</summary>
    public Task<string> InfoAsync(string section) => Server.InfoRawAsync(section)!;

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
