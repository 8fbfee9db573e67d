using Discogsography.ServiceInterface.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Sync;

/// <summary>Wakes the local worker when this instance queues a job, so it starts at once instead of at the next poll.</summary>
public sealed class SyncJobSignal
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
/// This instance's sync worker: claims queued (or abandoned) jobs while it has free slots, runs each with
/// <see cref="SyncRunner"/>, and on shutdown waits for its jobs to give themselves back. A claim that fails (the
/// database is away) is logged and tried again at the next poll.
/// </summary>
public sealed partial class SyncWorker(SyncJobQueries jobs, SyncRunner runner, SyncJobSignal signal, SyncOptions options,
    ILogger<SyncWorker> logger) : BackgroundService
{
    private readonly List<Task> running = [];

    /// <summary>This worker's name in <c>sync_history.claimed_by</c>: host, process and a random part (several hosts may share a process in tests).</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(task => task.IsCompleted);
                var claimed = await ClaimWhileFreeAsync(stoppingToken);
                if (!claimed)
                    await signal.WaitAsync(options.PollInterval, stoppingToken);
                else if (running.Count >= options.MaxConcurrentJobs)
                    await Task.WhenAny([.. running, Task.Delay(options.PollInterval, stoppingToken)]);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running);
    }

    /// <summary>Claims jobs until the slots are full or none is waiting; true when at least one was claimed.</summary>
    private async Task<bool> ClaimWhileFreeAsync(CancellationToken stoppingToken)
    {
        var claimedAny = false;
        while (running.Count < options.MaxConcurrentJobs && await TryClaimAsync(stoppingToken) is { } job)
        {
            running.Add(Task.Run(() => runner.RunAsync(job, Instance, stoppingToken), CancellationToken.None));
            claimedAny = true;
        }
        return claimedAny;
    }

    private async Task<ClaimedSyncJob?> TryClaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await jobs.ClaimAsync(Instance, options.StaleAfter, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogClaimFailed(logger, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for sync jobs; trying again at the next poll")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);
}
