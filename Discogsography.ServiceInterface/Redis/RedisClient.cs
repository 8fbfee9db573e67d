using System.Globalization;

namespace Discogsography.ServiceInterface.Redis;

/// <summary>
/// A small async RESP2 client (https://redis.io/docs/latest/develop/reference/protocol-spec/): typed
/// <c>SendExpect…</c> calls over a connection pool, error replies raised as <see cref="RedisResponseException"/>,
/// unexpected reply types as <see cref="RedisProtocolException"/>.
/// </summary>
public sealed class RedisClient(RedisSettings settings) : IAsyncDisposable
{
    /// <summary>
    /// Atomic fixed-window counter: the first increment sets the window's expiry, so a crash between the two
    /// steps can never leave a counter without a TTL. Returns {count, milliseconds left in the window}.
    /// </summary>
    private const string IncrementWindowScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return {count, redis.call('PTTL', KEYS[1])}
        """;

    private readonly RedisConnectionPool pool = new(settings);

    /// <summary>The connection settings (for logs; the password is never printed).</summary>
    public RedisSettings Settings { get; } = settings;

    /// <summary><c>PING</c>: throws when Redis is unreachable.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        var reply = await SendExpectSimpleStringAsync(RespCommand.Frame(RespCommand.Ping), "PING", cancellationToken);
        if (reply != "PONG")
            throw new RedisProtocolException($"PING answered '{reply}'");
    }

    /// <summary><c>GET key</c>: the value, or null when the key does not exist.</summary>
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        SendExpectBulkStringAsync(RespCommand.Frame(RespCommand.Get, key), "GET", cancellationToken);

    /// <summary><c>SET key value [PX ttl]</c>.</summary>
    public async Task SetAsync(string key, string value, TimeSpan? ttl, CancellationToken cancellationToken = default)
    {
        var frame = ttl is { } t
            ? RespCommand.Frame(RespCommand.Set, key, value, "PX", Milliseconds(t))
            : RespCommand.Frame(RespCommand.Set, key, value);
        await SendExpectSimpleStringAsync(frame, "SET", cancellationToken);
    }

    /// <summary><c>SET key value PX ttl NX</c>: true when the key was absent and is now set.</summary>
    public async Task<bool> SetIfAbsentAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(RespCommand.Frame(RespCommand.Set, key, value, "PX", Milliseconds(ttl), "NX"), cancellationToken);
        return reply switch
        {
            { Type: RespType.SimpleString } => true,
            { Type: RespType.BulkString, IsNull: true } => false,
            _ => throw Unexpected("SET NX", reply),
        };
    }

    /// <summary><c>EXISTS key [key ...]</c>: how many of the keys exist, in one round trip.</summary>
    public Task<long> CountExistingAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        SendExpectIntegerAsync(RespCommand.Frame(RespCommand.Exists, [.. keys]), "EXISTS", cancellationToken);

    /// <summary><c>DEL key</c>: true when a key was removed.</summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        await SendExpectIntegerAsync(RespCommand.Frame(RespCommand.Del, key), "DEL", cancellationToken) > 0;

    /// <summary><c>PTTL key</c>: the time left, or null when the key is missing or has no expiry.</summary>
    public async Task<TimeSpan?> TimeToLiveAsync(string key, CancellationToken cancellationToken = default)
    {
        var ms = await SendExpectIntegerAsync(RespCommand.Frame(RespCommand.Pttl, key), "PTTL", cancellationToken);
        return ms >= 0 ? TimeSpan.FromMilliseconds(ms) : null;
    }

    /// <summary>Increments a fixed-window counter atomically (see <see cref="IncrementWindowScript"/>).</summary>
    public async Task<(long Count, TimeSpan Remaining)> IncrementWindowAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var frame = RespCommand.Frame(RespCommand.Eval, IncrementWindowScript, "1", key, Milliseconds(window));
        var items = await SendExpectArrayAsync(frame, "EVAL", cancellationToken);
        if (items.Count != 2 || items[0].Type != RespType.Integer || items[1].Type != RespType.Integer)
            throw new RedisProtocolException("The window counter script returned an unexpected reply");
        return (items[0].Integer, TimeSpan.FromMilliseconds(Math.Max(0, items[1].Integer)));
    }

    /// <summary><c>FLUSHDB</c>: empties the selected database (tests and maintenance only).</summary>
    public Task FlushDatabaseAsync(CancellationToken cancellationToken = default) =>
        SendExpectSimpleStringAsync(RespCommand.Frame(RespCommand.FlushDb), "FLUSHDB", cancellationToken);

    /// <summary>Sends a frame and returns the reply; an error reply throws <see cref="RedisResponseException"/>.</summary>
    public async Task<RespValue> SendAsync(byte[] frame, CancellationToken cancellationToken = default)
    {
        var reply = await pool.ExecuteAsync(frame, cancellationToken);
        return reply.Type == RespType.Error ? throw new RedisResponseException(reply.Text ?? "ERR") : reply;
    }

    /// <summary>Sends a frame that must answer with a simple string (<c>+OK</c>, <c>+PONG</c>).</summary>
    public async Task<string> SendExpectSimpleStringAsync(byte[] frame, string command, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(frame, cancellationToken);
        return reply.Type == RespType.SimpleString ? reply.Text! : throw Unexpected(command, reply);
    }

    /// <summary>Sends a frame that must answer with a bulk string or null.</summary>
    public async Task<string?> SendExpectBulkStringAsync(byte[] frame, string command, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(frame, cancellationToken);
        return reply.Type == RespType.BulkString ? reply.Text : throw Unexpected(command, reply);
    }

    /// <summary>Sends a frame that must answer with an integer.</summary>
    public async Task<long> SendExpectIntegerAsync(byte[] frame, string command, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(frame, cancellationToken);
        return reply.Type == RespType.Integer ? reply.Integer : throw Unexpected(command, reply);
    }

    /// <summary>Sends a frame that must answer with a non-null array.</summary>
    public async Task<IReadOnlyList<RespValue>> SendExpectArrayAsync(byte[] frame, string command, CancellationToken cancellationToken = default)
    {
        var reply = await SendAsync(frame, cancellationToken);
        return reply is { Type: RespType.Array, Items: { } items } ? items : throw Unexpected(command, reply);
    }

    private static RedisProtocolException Unexpected(string command, RespValue reply) =>
        new($"Unexpected {reply.Type} reply to {command}");

    private static string Milliseconds(TimeSpan ttl) =>
        Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => pool.DisposeAsync();
}
