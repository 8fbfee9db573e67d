using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Jobs;

/// <summary>How a run of a durable job ended: the final status and error its row records.</summary>
public sealed record JobEnd(string Status, string? Error)
{
    public const string CancelledMessage = "Cancelled by an administrator";

    /// <summary>A job whose instances kept stopping under it fails for good instead of looping.</summary>
    public static JobEnd Abandoned(int maxAttempts) =>
        new(JobStatuses.Failed, $"Abandoned after {maxAttempts} attempts: the instances running it stopped each time");

    /// <summary>
    /// Runs <paramref name="work"/> under <paramref name="lease"/> and says how it ended: completed; failed with the
    /// message of an expected failure; failed without details (logged through <paramref name="logCrash"/>) for anything
    /// else; cancelled when an administrator asked. Null when the job does not end here: the host is stopping (the
    /// job goes back to the queue) or the claim was lost. Sync and import jobs share these statuses.
    /// </summary>
    public static async Task<JobEnd?> OfAsync(JobLease lease, Func<Task> work, Func<Exception, bool> isExpectedFailure, string activity,
        Action<Exception> logCrash)
    {
        try
        {
            await work();
            return new JobEnd(JobStatuses.Completed, null);
        }
        catch (Exception e) when (isExpectedFailure(e))
        {
            return new JobEnd(JobStatuses.Failed, e.Message);
        }
        catch (OperationCanceledException) when (lease.State == LeaseState.CancelRequested)
        {
            return new JobEnd(JobStatuses.Cancelled, CancelledMessage);
        }
        catch (OperationCanceledException) when (lease.Token.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logCrash(e);
            return new JobEnd(JobStatuses.Failed, $"Internal error while {activity} ({e.GetType().Name}); see the server log");
        }
    }
}
