using Discogsography.ServiceInterface.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>
/// Job heartbeats, on a pool of their own (<see cref="PostgresDataSource.Heartbeats"/>): a host busy with requests or
/// with an import's build still renews its claims in time, so no other instance takes over a job that is running.
/// </summary>
public sealed class JobHeartbeatQueries([FromKeyedServices(PostgresDataSource.Heartbeats)] NpgsqlDataSource heartbeats)
{
    /// <summary>Renews the claim of a sync job; says whether it is still held and whether a cancel was asked for.</summary>
    public Task<LeaseState> SyncAsync(Guid id, string instance, CancellationToken cancellationToken) =>
        JobRows.HeartbeatAsync(heartbeats, "sync_history", id, instance, cancellationToken);

    /// <summary>Renews the claim of an import job; says whether it is still held and whether a cancel was asked for.</summary>
    public Task<LeaseState> ImportAsync(Guid id, string instance, CancellationToken cancellationToken) =>
        JobRows.HeartbeatAsync(heartbeats, "import_jobs", id, instance, cancellationToken);
}
