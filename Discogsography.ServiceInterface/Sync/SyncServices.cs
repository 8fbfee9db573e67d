using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Jobs;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Sync;

/// <summary>
/// <c>POST /api/sync</c> and <c>GET /api/sync/status</c> (REFERENCE-API.md §4.8): the reference's checks, bodies and
/// cooldown, over durable jobs that any instance runs. Revoked tokens are refused here too.
/// </summary>
public sealed class SyncServices(SyncJobQueries jobs, IKeyValueStore store, JobSignal<ClaimedSyncJob> signal, SyncOptions options,
    AuditLog audit) : Service
{
    public const string CooldownMessage = "Sync rate limited. Please wait before triggering again.";

    /// <summary>Cooldown first (429), then an active job (202 <c>already_running</c>, no cooldown), then a new job (202
    /// <c>started</c>).</summary>
    public async Task<TriggerSyncResponse> Post(TriggerSync request)
    {
        var userId = Caller.UserId;
        var cooldownKey = RedisKeys.SyncCooldown(Caller.Subject);
        if (await store.GetAsync(cooldownKey, Aborted) is not null)
            throw HttpError.WithBody(429, new SyncCooldownBody { Status = "cooldown", Message = CooldownMessage }, CooldownMessage);
        var (jobId, created) = await jobs.EnqueueAsync(userId, null, Aborted);
        if (!created)
            return new TriggerSyncResponse { SyncId = jobId.ToString(), Status = SyncOutcomes.AlreadyRunning };
        await store.SetAsync(cooldownKey, "1", options.Cooldown, Aborted);
        signal.Notify();
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.SyncTrigger, userId, "sync", jobId.ToString()));
        return new TriggerSyncResponse { SyncId = jobId.ToString(), Status = SyncOutcomes.Started };
    }

    public async Task<GetSyncStatusResponse> Get(GetSyncStatus request)
    {
        var recent = await jobs.RecentAsync(Caller.UserId, 10, Aborted);
        return new GetSyncStatusResponse { Syncs = recent.Select(SyncJobQueries.ToSummary).ToList() };
    }


    /// <summary>The cooldown's 429 body: <c>{"status":"cooldown","message":...}</c>.</summary>
    private sealed class SyncCooldownBody
    {
        public required string Status { get; init; }

        public required string Message { get; init; }
    }
}
