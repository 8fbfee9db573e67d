namespace Discogsography.ServiceModel;

/// <summary>The states of a sync or import job (<c>sync_history.status</c>, <c>import_jobs.status</c>).</summary>
public static class JobStatuses
{
    /// <summary>Queued; any instance may claim it.</summary>
    public const string Pending = "pending";

    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    /// <summary>Stopped by an administrator (ours).</summary>
    public const string Cancelled = "cancelled";
}
