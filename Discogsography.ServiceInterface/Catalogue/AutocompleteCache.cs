using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Catalogue;

/// <summary>
/// The reference's autocomplete cache (REFERENCE-API.md §4.7): in process, keyed by (q lowercased and stripped,
/// type, limit), FIFO — when it holds its capacity (512) before an insert, the quarter inserted first is
/// evicted. Ours also forgets everything when a new catalogue is imported.
/// </summary>
public sealed class AutocompleteCache(int capacity = AutocompleteCache.DefaultCapacity)
{
    public const int DefaultCapacity = 512;

    private readonly Dictionary<(string Query, string Type, int Limit), IReadOnlyList<AutocompleteResult>> entries = [];
    private readonly Queue<(string, string, int)> insertionOrder = new();
    private readonly Lock gate = new();
    private Guid? catalogue;

    /// <summary>How many entries it holds.</summary>
    public int Count
    {
        get
        {
            lock (gate)
                return entries.Count;
        }
    }

    /// <summary>The cache key of a request: Python's <c>q.lower().strip()</c>, the lowercased type, the limit.</summary>
    public static (string, string, int) KeyOf(string query, string type, int limit) =>
        (query.ToLowerInvariant().Trim(), type.ToLowerInvariant(), limit);

    public bool TryGet((string, string, int) key, Guid? catalogueVersion, out IReadOnlyList<AutocompleteResult> results)
    {
        lock (gate)
        {
            Invalidate(catalogueVersion);
            return entries.TryGetValue(key, out results!);
        }
    }

    public void Add((string, string, int) key, Guid? catalogueVersion, IReadOnlyList<AutocompleteResult> results)
    {
        lock (gate)
        {
            Invalidate(catalogueVersion);
            if (entries.ContainsKey(key))
                return;
            if (entries.Count >= capacity)
            {
                for (var i = 0; i < Math.Max(1, capacity / 4) && insertionOrder.TryDequeue(out var oldest); i++)
                    entries.Remove(oldest);
            }
            entries[key] = results;
            insertionOrder.Enqueue(key);
        }
    }

    private void Invalidate(Guid? catalogueVersion)
    {
        if (catalogueVersion == catalogue)
            return;
        entries.Clear();
        insertionOrder.Clear();
        catalogue = catalogueVersion;
    }
}

/// <summary>The live catalogue's version, re-read at most every two seconds so cache hits cost no query.</summary>
public sealed class CatalogueVersion(IGraphStore graph, TimeProvider time)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);
    private Guid? version;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    public async Task<Guid?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - readAt < Refresh)
            return version;
        version = await graph.CatalogueVersionAsync(cancellationToken);
        readAt = time.GetUtcNow();
        return version;
    }
}
