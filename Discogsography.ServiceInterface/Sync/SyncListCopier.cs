using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Jobs;

namespace Discogsography.ServiceInterface.Sync;

/// <summary>The counts a running job has reached, kept current as pages are written.</summary>
internal sealed class SyncProgress(SyncCounts initial)
{
    public SyncCounts Counts { get; set; } = initial;
}

/// <summary>
/// Copies one user's collection and wantlist from Discogs (REFERENCE-API.md §7.2–§7.3, with its bugs fixed): every
/// page in one transaction with the job's progress, a pause between pages, and, once a list was read to its end,
/// the removal of what Discogs no longer lists. A job resumed after its worker stopped starts again at the list it
/// was reading (re-reading pages is harmless: rows are upserted).
/// </summary>
internal sealed class SyncListCopier(DiscogsListReader reader, CollectionSyncWriter writer, SyncOptions options, TimeProvider time)
{
    public const string CollectionPhase = "collection";
    public const string WantlistPhase = "wantlist";
    public const string DonePhase = "done";

    /// <summary>Copies what is left to copy; <paramref name="counts"/> always holds the progress so far, even when this throws.</summary>
    public async Task CopyAsync(SyncSource source, SyncJobLeaseKey key, JobLease lease, SyncProgress counts)
    {
        if (counts.Counts.Phase != WantlistPhase)
        {
            counts.Counts = counts.Counts with { Phase = CollectionPhase, CollectionSynced = 0 };
            await CopyListAsync(lease, counts,
                page => reader.CollectionPageAsync(source.Username, page, source.Auth, lease.Token),
                (items, c) => writer.WriteCollectionPageAsync(key, items, c, lease.Token),
                (c, n) => c with { CollectionSynced = c.CollectionSynced + n });
            await ReconcileAsync(key, lease, counts, SyncListTable.Collection, WantlistPhase);
        }
        counts.Counts = counts.Counts with { Phase = WantlistPhase, WantlistSynced = 0 };
        await CopyListAsync(lease, counts,
            page => reader.WantlistPageAsync(source.Username, page, source.Auth, lease.Token),
            (items, c) => writer.WriteWantlistPageAsync(key, items, c, lease.Token),
            (c, n) => c with { WantlistSynced = c.WantlistSynced + n });
        await ReconcileAsync(key, lease, counts, SyncListTable.Wantlist, DonePhase);
    }

    /// <summary>Reads pages until one is empty or the last one Discogs announced was read.</summary>
    private async Task CopyListAsync<T>(JobLease lease, SyncProgress counts, Func<int, Task<DiscogsPage<T>>> fetch,
        Func<IReadOnlyList<T>, SyncCounts, Task<LeaseState>> write, Func<SyncCounts, int, SyncCounts> add)
    {
        for (var page = 1; ; page++)
        {
            var result = await fetch(page);
            var next = add(counts.Counts with { PagesFetched = counts.Counts.PagesFetched + 1 }, result.Items.Count);
            lease.Observe(await write(result.Items, next));
            counts.Counts = next;
            lease.Token.ThrowIfCancellationRequested();
            if (result.Items.Count == 0 || page >= result.Pages)
                return;
            await PauseAsync(result.RateLimitRemaining, lease.Token);
        }
    }

    private async Task ReconcileAsync(SyncJobLeaseKey key, JobLease lease, SyncProgress counts, SyncListTable table, string nextPhase)
    {
        var next = counts.Counts with { Phase = nextPhase };
        var (state, removed) = await writer.ReconcileAsync(key, table, next, lease.Token);
        lease.Observe(state);
        if (state != LeaseState.Lost)
            counts.Counts = next with { ItemsRemoved = next.ItemsRemoved + removed };
        lease.Token.ThrowIfCancellationRequested();
    }

    /// <summary>The reference's pause between pages, or a longer one when Discogs says the rate-limit window is spent.</summary>
    private Task PauseAsync(int? rateLimitRemaining, CancellationToken cancellationToken)
    {
        var pause = rateLimitRemaining is 0 ? options.RateLimitPause : options.PageDelay;
        return pause > TimeSpan.Zero ? Task.Delay(pause, time, cancellationToken) : Task.CompletedTask;
    }
}
