using System.Globalization;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Jobs;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Sync;

/// <summary>The counts a running job has reached, kept current as pages are written.</summary>
internal sealed class SyncProgress(SyncCounts initial)
{
    public SyncCounts Counts { get; set; } = initial;
}

/// <summary>
/// What reading a list to its end saw: how many entries the pages held and every total Discogs announced on them. The
/// reading is complete only when every page announced the same total and the pages held exactly that many entries;
/// otherwise the list changed while it was read (entries shift between pages) or a page came back short, and an
/// item this sync did not see may still be the user's.
/// </summary>
internal sealed class ListTally
{
    private readonly HashSet<int?> totals = [];

    public int Listed { get; private set; }

    public void Add(int listed, int? total)
    {
        Listed += listed;
        totals.Add(total);
    }

    public bool IsComplete => totals.Count == 1 && totals.Single() == Listed;

    /// <summary>The totals the pages announced, for the log (<c>none</c> where a page gave none).</summary>
    public string Announced => string.Join(", ", totals.Select(total => total?.ToString(CultureInfo.InvariantCulture) ?? "none"));
}

/// <summary>
/// Copies one user's collection and wantlist from Discogs (REFERENCE-API.md §7.2–§7.3, with its bugs fixed): every
/// page in one transaction with the job's progress, a pause between pages, and, once a list was read to its end
/// and completely (<see cref="ListTally"/>), the removal of what Discogs no longer lists; an incomplete reading
/// removes nothing and is recorded in the job's <c>reconcile_skipped</c>, so the next sync reconciles. A job resumed
/// after its worker stopped starts again at the list it
/// was reading (re-reading pages is harmless: rows are upserted).
/// </summary>
internal sealed partial class SyncListCopier(DiscogsListReader reader, CollectionSyncWriter writer, SyncOptions options, TimeProvider time,
    ILogger logger)
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
            var collection = await CopyListAsync(lease, counts,
                page => reader.CollectionPageAsync(source.Username, page, source.Auth, lease.Token),
                (items, c) => writer.WriteCollectionPageAsync(key, items, c, lease.Token),
                (c, n) => c with { CollectionSynced = c.CollectionSynced + n });
            await ReconcileAsync(key, lease, counts, SyncListTable.Collection, collection, WantlistPhase);
        }
        counts.Counts = counts.Counts with { Phase = WantlistPhase, WantlistSynced = 0 };
        var wantlist = await CopyListAsync(lease, counts,
            page => reader.WantlistPageAsync(source.Username, page, source.Auth, lease.Token),
            (items, c) => writer.WriteWantlistPageAsync(key, items, c, lease.Token),
            (c, n) => c with { WantlistSynced = c.WantlistSynced + n });
        await ReconcileAsync(key, lease, counts, SyncListTable.Wantlist, wantlist, DonePhase);
    }

    /// <summary>Reads pages until one is empty or the last one Discogs announced was read.</summary>
    private async Task<ListTally> CopyListAsync<T>(JobLease lease, SyncProgress counts, Func<int, Task<DiscogsPage<T>>> fetch,
        Func<IReadOnlyList<T>, SyncCounts, Task<LeaseState>> write, Func<SyncCounts, int, SyncCounts> add)
    {
        var tally = new ListTally();
        for (var page = 1; ; page++)
        {
            var result = await fetch(page);
            tally.Add(result.Listed, result.TotalItems);
            var next = add(counts.Counts with { PagesFetched = counts.Counts.PagesFetched + 1 }, result.Items.Count);
            lease.Observe(await write(result.Items, next));
            counts.Counts = next;
            lease.Token.ThrowIfCancellationRequested();
            if (result.Listed == 0 || page >= result.Pages)
                return tally;
            await PauseAsync(result.RateLimitRemaining, lease.Token);
        }
    }

    private async Task ReconcileAsync(SyncJobLeaseKey key, JobLease lease, SyncProgress counts, SyncListTable table, ListTally tally,
        string nextPhase)
    {
        var next = counts.Counts with { Phase = nextPhase };
        var list = CollectionSyncWriter.ListName(table);
        if (!tally.IsComplete)
            LogReconcileSkipped(logger, key.JobId, list, tally.Announced, tally.Listed);
        var (state, removed) = await writer.ReconcileAsync(key, table, next, tally.IsComplete, lease.Token);
        lease.Observe(state);
        if (state != LeaseState.Lost)
            counts.Counts = next with
            {
                ItemsRemoved = next.ItemsRemoved + removed,
                ReconcileSkipped = tally.IsComplete
                    ? next.ReconcileSkipped : [.. next.ReconcileSkipped.Where(skipped => skipped != list), list],
            };
        lease.Token.ThrowIfCancellationRequested();
    }

    /// <summary>The reference's pause between pages, or a longer one when Discogs says the rate-limit window is spent.</summary>
    private Task PauseAsync(int? rateLimitRemaining, CancellationToken cancellationToken)
    {
        var pause = rateLimitRemaining is 0 ? options.RateLimitPause : options.PageDelay;
        return pause > TimeSpan.Zero ? Task.Delay(pause, time, cancellationToken) : Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sync job {JobId}: the {List} changed while it was read (Discogs announced {Announced} items, the pages held {Listed}); nothing was removed, the next sync reconciles")]
    private static partial void LogReconcileSkipped(ILogger logger, Guid jobId, string list, string announced, int listed);
}
