using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>
/// The genre tree, kept in this process for five minutes (REFERENCE-UPSTREAM.md §A.3) and rebuilt at once when a new
/// catalogue goes live; concurrent expiries run the query once.
/// </summary>
public sealed class GenreTreeCache(CatalogueVersion catalogue, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim refresh = new(1, 1);
    private (GenreTreeResponse Tree, Guid? Catalogue, long BuiltAt)? entry;

    public async Task<GenreTreeResponse> GetAsync(Func<CancellationToken, Task<GenreTreeResponse>> build,
        CancellationToken cancellationToken)
    {
        var live = await catalogue.CurrentAsync(cancellationToken);
        if (Fresh(live) is { } tree)
            return tree;
        await refresh.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(live) is { } built)
                return built;
            var answer = await build(cancellationToken);
            entry = (answer, live, time.GetTimestamp());
            return answer;
        }
        finally
        {
            refresh.Release();
        }
    }

    private GenreTreeResponse? Fresh(Guid? live) =>
        entry is { } e && e.Catalogue == live && time.GetElapsedTime(e.BuiltAt) < Lifetime ? e.Tree : null;
}
