using System.ComponentModel.DataAnnotations;

namespace Discogsography.ServiceModel;

/// <summary>The columns the sync job list sorts by.</summary>
public enum AdminSyncOrder
{
    StartedAt,
    CompletedAt,
    Status,
    Email,
}

/// <summary>Sync jobs of every account, filtered by status and user, sorted (newest first by default) and paged on the server.</summary>
[Route("/api/admin/syncs", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class QueryAdminSyncs() : SortedPagedQuery<AdminSyncOrder>(AdminSyncOrder.StartedAt, 25), IReturn<QueryAdminSyncsResponse>
{
    /// <summary>Only jobs in this state.</summary>
    [AllowedValues(JobStatuses.Pending, JobStatuses.Running, JobStatuses.Completed, JobStatuses.Failed, JobStatuses.Cancelled)]
    public string? Status { get; set; }

    /// <summary>Only jobs of this account.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Part of the user's email.</summary>
    public string? Search { get; set; }
}

public class QueryAdminSyncsResponse : PagedResponse
{
    /// <summary>This page of jobs.</summary>
    public required List<AdminSyncJob> Syncs { get; set; }
}

/// <summary>A sync job with everything the job queue knows about it.</summary>
public class AdminSyncJob
{
    /// <summary>The job's id.</summary>
    public required string SyncId { get; set; }

    /// <summary>The account synced.</summary>
    public Guid UserId { get; set; }

    /// <summary>The account's email.</summary>
    public required string Email { get; set; }

    /// <summary>Where the job is.</summary>
    [AllowedValues(JobStatuses.Pending, JobStatuses.Running, JobStatuses.Completed, JobStatuses.Failed, JobStatuses.Cancelled)]
    public required string Status { get; set; }

    /// <summary><c>collection</c>, <c>wantlist</c> or <c>done</c> once started.</summary>
    public string? Phase { get; set; }

    /// <summary>Collection and wantlist items written so far.</summary>
    public int? ItemsSynced { get; set; }

    /// <summary>Discogs pages read so far.</summary>
    public int? PagesFetched { get; set; }

    /// <summary>Items gone from Discogs, removed here.</summary>
    public int ItemsRemoved { get; set; }

    /// <summary>
    /// The lists (<c>collection</c>, <c>wantlist</c>) this job read but did not prune: Discogs' total differed from
    /// what its pages held, so nothing was removed from them; the next sync reconciles.
    /// </summary>
    public string[] ReconcileSkipped { get; set; } = [];

    /// <summary>How many times a worker claimed it.</summary>
    public int Attempts { get; set; }

    /// <summary>Why a failed job failed.</summary>
    public string? Error { get; set; }

    /// <summary>When the job was queued.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it ended, null while it runs.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The running worker's last sign of life.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>The instance running it.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>An administrator asked it to stop.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The administrator who queued it; null when the user did.</summary>
    public string? RequestedBy { get; set; }
}

/// <summary>Cancels a queued job at once, or a running one at its next page.</summary>
[Route("/api/admin/syncs/{id}/cancel", "POST"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
[ErrorResponse(404, "No such sync job")]
[ErrorResponse(409, "The job already ended")]
public class CancelAdminSync : IReturn<AdminSyncJob>
{
    /// <summary>The sync job.</summary>
    public Guid Id { get; set; }
}
