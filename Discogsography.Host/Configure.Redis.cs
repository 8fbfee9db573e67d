using Discogsography.ServiceInterface.Redis;
using Discogsography.ServiceInterface.Storage;

namespace Discogsography.Host;

/// <summary>The shared key-value store: Redis when <c>REDIS_HOST</c> is set, in memory (single instance) otherwise.</summary>
internal static partial class ConfigureRedis
{
    public static void AddKeyValueStore(this IServiceCollection services, string? redisUrl)
    {
        if (redisUrl is null)
        {
            services.AddSingleton<IKeyValueStore>(sp =>
            {
                LogInMemory(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Discogsography.Storage"));
                return new InMemoryKeyValueStore(sp.GetRequiredService<TimeProvider>());
            });
            return;
        }
        var settings = RedisSettings.Parse(redisUrl);
        services.AddSingleton(_ => new RedisClient(settings));
        services.AddSingleton<IKeyValueStore>(sp =>
        {
            LogRedis(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Discogsography.Storage"), settings.Endpoint);
            return new RedisKeyValueStore(sp.GetRequiredService<RedisClient>());
        });
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "REDIS_HOST is not set: using the in-memory key-value store. Revocations, OAuth state, cooldowns, snapshots and rate limits are not shared between instances and are lost on restart.")]
    private static partial void LogInMemory(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key-value store: Redis at {Endpoint}")]
    private static partial void LogRedis(ILogger logger, string endpoint);
}
