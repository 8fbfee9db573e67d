using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Jobs;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Imports;

/// <summary>This instance's import worker: one import at a time (the queue lets only one run across instances).</summary>
public sealed class ImportWorker(ImportJobQueries jobs, ImportJobRunner runner, JobSignal<ClaimedImportJob> signal, ImportOptions options,
    ILogger<ImportWorker> logger)
    : JobWorker<ClaimedImportJob>(signal, logger)
{
    protected override int MaxConcurrentJobs => 1;

    protected override TimeSpan PollInterval => options.PollInterval;

    protected override Task<ClaimedImportJob?> ClaimAsync(CancellationToken cancellationToken) =>
        jobs.ClaimAsync(Instance, options.StaleAfter, cancellationToken);

    protected override Task RunAsync(ClaimedImportJob job, CancellationToken stopping) => runner.RunAsync(job, Instance, stopping);
}
