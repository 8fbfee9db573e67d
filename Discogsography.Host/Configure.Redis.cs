using Discogsography.ServiceInterface.Storage;
using StackExchange.Redis;

namespace Discogsography.Host;

/// <summary>
/// The shared key-value store: Redis (one StackExchange.Redis multiplexer for the process) when <c>REDIS_HOST</c>
/// is set, in memory (single instance) otherwise.
/// </summary>
internal static partial class ConfigureRedis
{
    public static void AddKeyValueStore(this IServiceCollection services, string? redisHost)
    {
        if (redisHost is null)
        {
            services.AddSingleton<IKeyValueStore>(sp =>
            {
                LogInMemory(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Discogsography.Storage"));
                return new InMemoryKeyValueStore(sp.GetRequiredService<TimeProvider>());
            });
            return;
        }
        var options = RedisConfiguration.Parse(redisHost);
        // abortConnect=false: a Redis that is down at startup does not stop the API; calls answer 503 until it is back.
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            LogRedis(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Discogsography.Storage"), RedisConfiguration.Describe(options));
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton<IKeyValueStore, RedisKeyValueStore>();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "REDIS_HOST is not set: using the in-memory key-value store. Revocations, OAuth state, cooldowns, snapshots and rate limits are not shared between instances and are lost on restart.")]
    private static partial void LogInMemory(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key-value store: Redis at {Endpoint}")]
    private static partial void LogRedis(ILogger logger, string endpoint);
}
