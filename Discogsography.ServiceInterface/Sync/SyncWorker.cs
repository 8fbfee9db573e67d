using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Jobs;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Sync;

/// <summary>This instance's sync worker: claims queued or abandoned sync jobs and runs them with <see cref="SyncRunner"/>.</summary>
public sealed class SyncWorker(SyncJobQueries jobs, SyncRunner runner, JobSignal<ClaimedSyncJob> signal, SyncOptions options,
    ILogger<SyncWorker> logger)
    : JobWorker<ClaimedSyncJob>(signal, logger)
{
    protected override int MaxConcurrentJobs => options.MaxConcurrentJobs;

    protected override TimeSpan PollInterval => options.PollInterval;

    protected override Task<ClaimedSyncJob?> ClaimAsync(CancellationToken cancellationToken) =>
        jobs.ClaimAsync(Instance, options.StaleAfter, cancellationToken);

    protected override Task RunAsync(ClaimedSyncJob job, CancellationToken stopping) => runner.RunAsync(job, Instance, stopping);
}
