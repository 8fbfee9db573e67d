using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Jobs;

/// <summary>Wakes this instance's worker for <typeparamref name="TJob"/> when it queues one, instead of at the next poll.</summary>
public sealed class JobSignal<TJob>
{
    private readonly SemaphoreSlim signal = new(0, 1);

    /// <summary>Says a job is waiting.</summary>
    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker will look once, which finds every queued job.
        }
    }

    /// <summary>Waits for a signal or the timeout.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// An instance's worker for one kind of durable job (ARCHITECTURE.md §5): claims queued (or abandoned) jobs while it
/// has free slots, runs each, and on shutdown waits for them to give themselves back. A claim that fails (the
/// database is away) is logged and tried again at the next poll.
/// </summary>
public abstract partial class JobWorker<TJob>(JobSignal<TJob> signal, ILogger logger) : BackgroundService where TJob : class
{
    private readonly List<Task> running = [];

    /// <summary>This worker's name in <c>claimed_by</c>: host, process and a random part (several hosts may share a
    /// process in tests).</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Jobs this instance runs at once.</summary>
    protected abstract int MaxConcurrentJobs { get; }

    /// <summary>How often an idle worker looks for jobs other instances queued.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Claims the next job this instance may run, or null.</summary>
    protected abstract Task<TJob?> ClaimAsync(CancellationToken cancellationToken);

    /// <summary>Runs a claimed job to its end (or gives it back when <paramref name="stopping"/> fires).</summary>
    protected abstract Task RunAsync(TJob job, CancellationToken stopping);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(task => task.IsCompleted);
                var claimed = await ClaimWhileFreeAsync(stoppingToken);
                if (!claimed)
                    await signal.WaitAsync(PollInterval, stoppingToken);
                else if (running.Count >= MaxConcurrentJobs)
                    await Task.WhenAny([.. running, Task.Delay(PollInterval, stoppingToken)]);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running);
    }

    private async Task<bool> ClaimWhileFreeAsync(CancellationToken stoppingToken)
    {
        var claimedAny = false;
        while (running.Count < MaxConcurrentJobs && await TryClaimAsync(stoppingToken) is { } job)
        {
            running.Add(Task.Run(() => RunAsync(job, stoppingToken), CancellationToken.None));
            claimedAny = true;
        }
        return claimedAny;
    }

    private async Task<TJob?> TryClaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await ClaimAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogClaimFailed(logger, typeof(TJob).Name, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for {JobKind} jobs; trying again at the next poll")]
    private static partial void LogClaimFailed(ILogger logger, string jobKind, Exception exception);
}
