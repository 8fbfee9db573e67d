using System.ComponentModel.DataAnnotations;
namespace Discogsography.ServiceModel;

/// <summary>
/// Queues a full sync of the caller's Discogs collection and wantlist. Answered 202 with <c>started</c>, or with
/// <c>already_running</c> and the active job's id; 429 with <c>{"status":"cooldown"}</c> within 10 minutes of the last start.
/// </summary>
[Route("/api/sync", "POST"), Tag(Tags.Sync), Authenticate, RateLimit("2/10minute"), SuccessStatus(202)]
[AppTokenScope(AppTokenScopes.SyncTrigger), RateLimit("60/minute", Per = RateLimitScope.AppToken),
    RateLimit("600/hour", Per = RateLimitScope.AppToken)]
public class TriggerSync : IReturn<TriggerSyncResponse>;

public class TriggerSyncResponse
{
    /// <summary>The job started (or already running).</summary>
    public required string SyncId { get; set; }

    /// <summary><c>started</c> or <c>already_running</c>.</summary>
    [AllowedValues(SyncOutcomes.Started, SyncOutcomes.AlreadyRunning)]
    public required string Status { get; set; }
}

/// <summary>The caller's last 10 syncs, newest first.</summary>
[Route("/api/sync/status", "GET"), Tag(Tags.Sync), Authenticate]
[AppTokenScope(AppTokenScopes.SyncTrigger), RateLimit("60/minute", Per = RateLimitScope.AppToken),
    RateLimit("600/hour", Per = RateLimitScope.AppToken)]
public class GetSyncStatus : IReturn<GetSyncStatusResponse>;

public class GetSyncStatusResponse
{
    /// <summary>The caller's recent sync jobs, newest first.</summary>
    public required List<SyncSummary> Syncs { get; set; }
}

/// <summary>One sync job as its owner sees it.</summary>
public class SyncSummary
{
    public required string SyncId { get; set; }

    /// <summary>Always <c>full</c>.</summary>
    [AllowedValues("full")]
    public required string SyncType { get; set; }

    /// <summary>See <see cref="JobStatuses"/>.</summary>
    [AllowedValues(JobStatuses.Pending, JobStatuses.Running, JobStatuses.Completed, JobStatuses.Failed, JobStatuses.Cancelled)]
    public required string Status { get; set; }

    /// <summary>Collection and wantlist items written so far (null until the job starts).</summary>
    public int? ItemsSynced { get; set; }

    /// <summary>Discogs pages fetched so far (ours; the reference never filled it).</summary>
    public int? PagesFetched { get; set; }

    /// <summary>Why the job failed, or null.</summary>
    public string? Error { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>What <c>POST /api/sync</c> (and the Admin's "Sync now") answers in <c>status</c>.</summary>
public static class SyncOutcomes
{
    /// <summary>A job was queued.</summary>
    public const string Started = "started";

    /// <summary>The account already has a queued or running job; its id is returned.</summary>
    public const string AlreadyRunning = "already_running";
}
