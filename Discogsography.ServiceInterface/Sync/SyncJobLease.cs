using Discogsography.ServiceInterface.Data;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Sync;

/// <summary>
/// Keeps a claimed job's heartbeat going while it runs, and cancels <see cref="Token"/> when the host stops, an
/// administrator cancels the job, or the claim is lost, so a long wait (a capped <c>Retry-After</c>) ends promptly.
/// A heartbeat that fails (the database is briefly away) is logged and tried again next interval.
/// </summary>
public sealed partial class SyncJobLease : IAsyncDisposable
{
    private readonly CancellationTokenSource cancellation;
    private readonly Task heartbeats;

    private SyncJobLease(SyncJobLeaseKey key, CancellationToken stopping, SyncJobQueries jobs, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        Key = key;
        Stopping = stopping;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        heartbeats = BeatAsync(jobs, interval, time, logger);
    }

    /// <summary>The job, its user and this instance.</summary>
    public SyncJobLeaseKey Key { get; }

    /// <summary>The host's stopping token.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Cancelled when the job must stop, for whichever reason <see cref="State"/> then gives.</summary>
    public CancellationToken Token => cancellation.Token;

    /// <summary>The last known state of the claim.</summary>
    public LeaseState State { get; private set; } = LeaseState.Held;

    /// <summary>Starts heartbeating <paramref name="key"/> every <paramref name="interval"/>.</summary>
    public static SyncJobLease Start(SyncJobLeaseKey key, SyncJobQueries jobs, TimeSpan interval, TimeProvider time, ILogger logger, CancellationToken stopping) =>
        new(key, stopping, jobs, interval, time, logger);

    /// <summary>Records what a page write found; a cancel or a lost claim stops the job.</summary>
    public void Observe(LeaseState state)
    {
        if (state == LeaseState.Held || State != LeaseState.Held)
            return;
        State = state;
        cancellation.Cancel();
    }

    private async Task BeatAsync(SyncJobQueries jobs, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        try
        {
            while (!Token.IsCancellationRequested)
            {
                await Task.Delay(interval, time, Token);
                await BeatOnceAsync(jobs, logger);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task BeatOnceAsync(SyncJobQueries jobs, ILogger logger)
    {
        try
        {
            Observe(await jobs.HeartbeatAsync(Key.JobId, Key.Instance, Token));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHeartbeatFailed(logger, Key.JobId, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await cancellation.CancelAsync();
        await heartbeats;
        cancellation.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of sync job {JobId} failed; retrying at the next interval")]
    private static partial void LogHeartbeatFailed(ILogger logger, Guid jobId, Exception exception);
}
