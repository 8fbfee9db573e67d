using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Admin;

/// <summary>Sync jobs across accounts for administrators, and cancelling one (audited).</summary>
public sealed class AdminSyncServices(AdminSyncQueries syncs, SyncJobQueries jobs, AuditLog audit) : Service
{
    public async Task<QueryAdminSyncsResponse> Get(QueryAdminSyncs request)
    {
        var filter = new AdminSyncFilter(request.Status, request.UserId, request.Search, request.Offset, request.Limit, request.OrderBy,
            request.Descending);
        var (page, total) = await syncs.QueryAsync(filter, Aborted);
        return new QueryAdminSyncsResponse { Syncs = [.. page] }.Page(request.Offset, request.Limit, page.Count, total);
    }

    /// <summary>A pending job is cancelled at once, a running one at its worker's next page; a finished one is a 409.</summary>
    public async Task<AdminSyncJob> Post(CancelAdminSync request)
    {
        var job = await syncs.GetAsync(request.Id, Aborted) ?? throw HttpError.NotFound("Sync job not found");
        if (job.Status is not (JobStatuses.Pending or JobStatuses.Running))
            throw HttpError.Conflict($"The sync job already ended ({job.Status})");
        await jobs.RequestCancelAsync(request.Id, Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.AdminSyncCancelled, Caller.UserId, "sync", job.SyncId,
            new Dictionary<string, object?> { ["email"] = job.Email, ["status"] = job.Status }));
        return await syncs.GetAsync(request.Id, Aborted) ?? throw HttpError.NotFound("Sync job not found");
    }
}
