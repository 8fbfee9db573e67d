using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Discogs;
using Discogsography.ServiceInterface.Jobs;
using Discogsography.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Sync;

/// <summary>
/// Runs one claimed job to its end (REFERENCE-API.md §7.1): resolve the user's Discogs access, copy both lists,
/// then record <c>completed</c>, <c>failed</c> (with a clear error and the counts reached) or <c>cancelled</c>. A
/// host that stops gives the job back to the queue; a worker that lost its claim stops without a word. Outcomes go
/// to the audit log.
/// </summary>
public sealed partial class SyncRunner(
    SyncJobQueries jobs, JobHeartbeatQueries heartbeats, SyncSourceResolver sources, DiscogsListReader reader, CollectionSyncWriter writer,
    AuditLog audit,
    SyncOptions options, TimeProvider time, ILogger<SyncRunner> logger)
{
    public async Task RunAsync(ClaimedSyncJob job, string instance, CancellationToken stopping)
    {
        var key = new SyncJobLeaseKey(job.Id, job.UserId, instance);
        var counts = new SyncProgress(new SyncCounts(job.Phase ?? SyncListCopier.CollectionPhase, job.CollectionSynced,
            job.WantlistSynced, job.PagesFetched, job.ItemsRemoved, job.ReconcileSkipped));
        if (job.Attempts > options.MaxAttempts)
        {
            await EndAsync(key, counts.Counts, JobEnd.Abandoned(options.MaxAttempts));
            return;
        }
        LogStarted(logger, job.Id, job.UserId, job.Attempts);
        await using var lease = JobLease.Start(job.Id, token => heartbeats.SyncAsync(job.Id, instance, token), options.HeartbeatInterval,
            time, logger, stopping);
        var end = await JobEnd.OfAsync(lease, () => CopyAsync(key, lease, counts),
            e => e is SyncFailedException or DiscogsUnreachableException, "syncing", e => LogCrashed(logger, job.Id, e));
        if (end is not null)
            await EndAsync(key, counts.Counts, end);
        else if (lease.State == LeaseState.Lost)
            LogLost(logger, job.Id);
        else
            await ReleaseAsync(key);
    }

    private async Task CopyAsync(SyncJobLeaseKey key, JobLease lease, SyncProgress counts)
    {
        var source = await sources.ResolveAsync(key.UserId, lease.Token);
        await new SyncListCopier(reader, writer, options, time, logger).CopyAsync(source, key, lease, counts);
    }

    /// <summary>Writes the outcome even while the host stops (the write is short and must not be lost).</summary>
    private async Task EndAsync(SyncJobLeaseKey key, SyncCounts counts, JobEnd end)
    {
        var (status, error) = end;
        try
        {
            if (!await jobs.FinishAsync(key.JobId, key.Instance, status, error, CancellationToken.None))
                return;
            LogEnded(logger, key.JobId, status, counts.CollectionSynced + counts.WantlistSynced, counts.ItemsRemoved, counts.PagesFetched);
            await audit.RecordAsync(new AuditEntry(AuditActions.SyncEnded(status), key.UserId, "sync", key.JobId.ToString(),
                new Dictionary<string, object?>
            {
                ["items_synced"] = counts.CollectionSynced + counts.WantlistSynced,
                ["items_removed"] = counts.ItemsRemoved,
                ["pages_fetched"] = counts.PagesFetched,
                ["reconcile_skipped"] = counts.ReconcileSkipped,
                ["error"] = error,
            }), null, null, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogEndFailed(logger, key.JobId, status, e);
        }
    }

    private async Task ReleaseAsync(SyncJobLeaseKey key)
    {
        try
        {
            await jobs.ReleaseAsync(key.JobId, key.Instance, CancellationToken.None);
            LogReleased(logger, key.JobId);
        }
        catch (Exception e)
        {
            LogEndFailed(logger, key.JobId, JobStatuses.Pending, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId} of user {UserId} started (attempt {Attempt})")]
    private static partial void LogStarted(ILogger logger, Guid jobId, Guid userId, int attempt);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sync job {JobId} ended {Status}: {ItemsSynced} items synced, {ItemsRemoved} removed, {PagesFetched} pages fetched")]
    private static partial void LogEnded(ILogger logger, Guid jobId, string status, int itemsSynced, int itemsRemoved, int pagesFetched);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId} was given back to the queue: this instance is stopping")]
    private static partial void LogReleased(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId} was claimed by another instance; this worker stopped")]
    private static partial void LogLost(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync job {JobId} failed unexpectedly")]
    private static partial void LogCrashed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the end ({Status}) of sync job {JobId}; it will be claimed again")]
    private static partial void LogEndFailed(ILogger logger, Guid jobId, string status, Exception exception);
}
