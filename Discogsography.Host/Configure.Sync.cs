using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Jobs;
using Discogsography.ServiceInterface.Sync;

namespace Discogsography.Host;

/// <summary>Durable sync jobs: the queue, the worker that claims them, and the personalized reads of what they wrote.</summary>
internal static class ConfigureSync
{
    public static void AddSyncJobs(this IServiceCollection services)
    {
        services.AddSingleton(new SyncOptions());
        services.AddSingleton<CollectionSyncWriter>();
        services.AddSingleton<DiscogsListReader>();
        services.AddSingleton<SyncSourceResolver>();
        services.AddSingleton<SyncRunner>();
        services.AddSingleton<JobSignal<ClaimedSyncJob>>();
        services.AddHostedService<SyncWorker>();
    }
}
