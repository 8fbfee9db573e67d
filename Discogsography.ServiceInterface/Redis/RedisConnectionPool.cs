using System.Collections.Concurrent;

namespace Discogsography.ServiceInterface.Redis;

/// <summary>
/// A bounded pool of <see cref="RedisConnection"/>s. Dead connections are dropped on checkout; a command that
/// fails on a reused connection (typically because the server restarted since it was opened) is retried once
/// on a fresh one, so a Redis restart costs callers nothing once the server is back.
/// </summary>
internal sealed class RedisConnectionPool(RedisSettings settings) : IAsyncDisposable
{
    private readonly ConcurrentQueue<RedisConnection> idle = new();
    private readonly SemaphoreSlim slots = new(settings.PoolSize, settings.PoolSize);

    /// <summary>Runs one command frame on a pooled connection.</summary>
    public async Task<RespValue> ExecuteAsync(byte[] frame, CancellationToken cancellationToken)
    {
        if (!await slots.WaitAsync(settings.CommandTimeout, cancellationToken))
            throw new RedisConnectionException($"All {settings.PoolSize} Redis connections stayed busy for {settings.CommandTimeout.TotalMilliseconds:0} ms");
        try
        {
            var (connection, reused) = await CheckOutAsync(cancellationToken);
            try
            {
                return await RunAsync(connection, frame, cancellationToken);
            }
            catch (RedisConnectionException) when (reused && !cancellationToken.IsCancellationRequested)
            {
                return await RunAsync(await RedisConnection.OpenAsync(settings, cancellationToken), frame, cancellationToken);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<RespValue> RunAsync(RedisConnection connection, byte[] frame, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await connection.ExecuteAsync(frame, cancellationToken);
            idle.Enqueue(connection);
            return reply;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<(RedisConnection Connection, bool Reused)> CheckOutAsync(CancellationToken cancellationToken)
    {
        while (idle.TryDequeue(out var connection))
        {
            if (connection.LooksAlive())
                return (connection, true);
            await connection.DisposeAsync();
        }
        return (await RedisConnection.OpenAsync(settings, cancellationToken), false);
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryDequeue(out var connection))
            await connection.DisposeAsync();
        slots.Dispose();
    }
}
