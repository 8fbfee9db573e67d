using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Jobs;

/// <summary>What a heartbeat found.</summary>
public enum LeaseState
{
    /// <summary>Still ours, carry on.</summary>
    Held,

    /// <summary>Still ours, but an administrator asked to stop.</summary>
    CancelRequested,

    /// <summary>No longer ours (another instance reclaimed it, or it ended): stop without writing.</summary>
    Lost,
}

/// <summary>
/// Keeps a claimed job's heartbeat going while it runs (ARCHITECTURE.md §5), and cancels <see cref="Token"/> when
/// the host stops, an administrator cancels the job, or the claim is lost, so a long wait (a capped
/// <c>Retry-After</c>, a slow download) ends promptly. A heartbeat that fails (the database is briefly away) is
/// logged and tried again at the next interval.
/// </summary>
public sealed partial class JobLease : IAsyncDisposable
{
    private readonly CancellationTokenSource cancellation;
    private readonly Task heartbeats;

    private JobLease(Guid jobId, Func<CancellationToken, Task<LeaseState>> heartbeat, TimeSpan interval, TimeProvider time, ILogger logger,
        CancellationToken stopping)
    {
        JobId = jobId;
        Stopping = stopping;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        heartbeats = BeatAsync(heartbeat, interval, time, logger);
    }

    public Guid JobId { get; }

    /// <summary>The host's stopping token.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Cancelled when the job must stop, for whichever reason <see cref="State"/> then gives.</summary>
    public CancellationToken Token => cancellation.Token;

    /// <summary>The last known state of the claim.</summary>
    public LeaseState State { get; private set; } = LeaseState.Held;

    /// <summary>Starts calling <paramref name="heartbeat"/> every <paramref name="interval"/>.</summary>
    public static JobLease Start(Guid jobId, Func<CancellationToken, Task<LeaseState>> heartbeat, TimeSpan interval, TimeProvider time,
        ILogger logger,
        CancellationToken stopping) =>
        new(jobId, heartbeat, interval, time, logger, stopping);

    /// <summary>Records what a write found; a cancel or a lost claim stops the job.</summary>
    public void Observe(LeaseState state)
    {
        if (state == LeaseState.Held || State != LeaseState.Held)
            return;
        State = state;
        cancellation.Cancel();
    }

    private async Task BeatAsync(Func<CancellationToken, Task<LeaseState>> heartbeat, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        try
        {
            while (!Token.IsCancellationRequested)
            {
                await Task.Delay(interval, time, Token);
                await BeatOnceAsync(heartbeat, logger);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task BeatOnceAsync(Func<CancellationToken, Task<LeaseState>> heartbeat, ILogger logger)
    {
        try
        {
            Observe(await heartbeat(Token));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHeartbeatFailed(logger, JobId, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await cancellation.CancelAsync();
        await heartbeats;
        cancellation.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of job {JobId} failed; retrying at the next interval")]
    private static partial void LogHeartbeatFailed(ILogger logger, Guid jobId, Exception exception);
}
