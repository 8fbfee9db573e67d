using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>
/// Search answers in the key-value store under the reference's keys (<c>search:&lt;md5&gt;</c>, the response JSON,
/// one hour), cleared when a new catalogue goes live: <see cref="RedisKeys.SearchCatalogue"/> names the catalogue the
/// entries were computed from, and the first instance to see another one clears every entry before it writes. A
/// store that is down only costs the cache: the search still answers, and the failure is logged.
/// </summary>
public sealed partial class SearchCache(IKeyValueStore store, CatalogueVersion catalogue, ILogger<SearchCache> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>The cached answer of <paramref name="key"/> for the live catalogue, or null.</summary>
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var live = Marker(await catalogue.CurrentAsync(cancellationToken));
            var values = await store.GetManyAsync([RedisKeys.SearchCatalogue, key], cancellationToken);
            return values[0] == live ? values[1] : null;
        }
        catch (DependencyUnavailableException e)
        {
            LogCacheUnavailable(logger, e.Message);
            return null;
        }
    }

    /// <summary>Stores an answer, first clearing entries of an older catalogue.</summary>
    public async Task SetAsync(string key, string json, CancellationToken cancellationToken)
    {
        try
        {
            var live = Marker(await catalogue.CurrentAsync(cancellationToken));
            if (await store.GetAsync(RedisKeys.SearchCatalogue, cancellationToken) != live)
            {
                var removed = await store.DeleteByPrefixAsync(RedisKeys.SearchPrefix, cancellationToken);
                await store.SetAsync(RedisKeys.SearchCatalogue, live, null, cancellationToken);
                LogCleared(logger, removed, live);
            }
            await store.SetAsync(key, json, Lifetime, cancellationToken);
        }
        catch (DependencyUnavailableException e)
        {
            LogCacheUnavailable(logger, e.Message);
        }
    }

    private static string Marker(Guid? catalogueId) => catalogueId?.ToString() ?? "none";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search cache unavailable, answering without it: {Reason}")]
    private static partial void LogCacheUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Search cache cleared for catalogue {Catalogue}: {Removed} entries of the previous one removed")]
    private static partial void LogCleared(ILogger logger, long removed, string catalogue);
}
