using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceInterface.Auth.AppTokens;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Jobs;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Admin;

/// <summary>
/// Accounts for administrators: search, detail, (de)activation, admin rights, ending sessions, queuing a sync.
/// Changes of status or rights end the user's sessions (their tokens carried the old rights; deactivation also revokes
/// the app tokens), at least one active
/// administrator always remains, and every change and every detail view is audited.
/// </summary>
public sealed class AdminUserServices(
    AdminUserQueries users, AdminSyncQueries syncs, OAuthTokenQueries connections, ApiKeyQueries apiKeys, Revocations revocations,
    AccountRoles roles,
    SyncJobQueries jobs, JobSignal<ClaimedSyncJob> signal, TwoFactorQueries twoFactor, AppTokenQueries appTokens, AuditLog audit) : Service
{
    public const string LastAdmin = "At least one active administrator must remain: grant another account admin rights first";

    public async Task<QueryAdminUsersResponse> Get(QueryAdminUsers request)
    {
        var filter = new AdminUserFilter(request.Search, request.Active, request.Admin, request.OrderBy, request.Descending,
            request.Offset, request.Limit);
        var (page, total) = await users.QueryAsync(filter, Aborted);
        return new QueryAdminUsersResponse { Users = [.. page] }.Page(request.Offset, request.Limit, page.Count, total);
    }

    public async Task<AdminUserDetail> Get(GetAdminUser request)
    {
        var user = await SummaryAsync(request.Id);
        var connection = await connections.GetAsync(request.Id, Aborted);
        var detail = new AdminUserDetail
        {
            User = user,
            Sessions = [.. await users.ActiveSessionsAsync(request.Id, Aborted)],
            Discogs = connection is null ? null : new AdminDiscogsConnection
            {
                Username = connection.ProviderUsername, UserId = connection.ProviderUserId, ConnectedAt = connection.UpdatedAt,
            },
            Syncs = [.. (await syncs.QueryAsync(new AdminSyncFilter(null, request.Id, null, 0, 20), Aborted)).Syncs],
            ApiKeyServices = [.. (await apiKeys.ListAsync(request.Id, Aborted)).Select(k => k.ServiceName)],
            TwoFactor = TwoFactorStatusOf(await twoFactor.FindAsync(request.Id, Aborted)),
            AppTokens = AppTokenServices.ListOf(await appTokens.ListAsync(request.Id, Aborted)).Active,
        };
        await AuditAsync(AuditActions.AdminUserViewed, user);
        return detail;
    }

    public async Task<AdminUserSummary> Patch(UpdateAdminUser request)
    {
        var before = await SummaryAsync(request.Id);
        var change = await users.UpdateAsync(request.Id, request.IsActive, request.IsAdmin, Aborted);
        if (change == AdminUserChange.LastAdmin)
            throw HttpError.Conflict(LastAdmin);
        if (change == AdminUserChange.NotFound)
            throw HttpError.NotFound("User not found");
        var activeChanged = request.IsActive is { } active && active != before.IsActive;
        var adminChanged = request.IsAdmin is { } admin && admin != before.IsAdmin;
        roles.Forget(request.Id);
        // Deactivating again repairs a deactivation whose revocations could not all be written the first time.
        if (activeChanged || adminChanged || request.IsActive == false)
            await revocations.EndSessionsAsync(request.Id, request.IsActive == false ? "deactivated" : "role_changed", Aborted);
        if (request.IsActive == false)
            await appTokens.RevokeAllAsync(request.Id, Aborted);
        if (activeChanged)
            await AuditAsync(request.IsActive == true ? AuditActions.AdminUserActivated : AuditActions.AdminUserDeactivated, before);
        if (adminChanged)
            await AuditAsync(request.IsAdmin == true ? AuditActions.AdminRoleGranted : AuditActions.AdminRoleRevoked, before);
        return await SummaryAsync(request.Id);
    }

    public async Task<EndAdminUserSessionsResponse> Delete(EndAdminUserSessions request)
    {
        var user = await SummaryAsync(request.Id);
        var ended = await revocations.EndSessionsAsync(request.Id, "ended_by_admin", Aborted);
        await AuditAsync(AuditActions.AdminSessionsEnded, user, new() { ["sessions_ended"] = ended.Count });
        return new EndAdminUserSessionsResponse { SessionsEnded = ended.Count };
    }

    /// <summary>Queues a sync for the account (202 <c>started</c>, or <c>already_running</c> with the active job); no
    /// cooldown applies.</summary>
    public async Task<TriggerSyncResponse> Post(TriggerAdminUserSync request)
    {
        var user = await SummaryAsync(request.Id);
        var (jobId, created) = await jobs.EnqueueAsync(request.Id, Caller.UserId, Aborted);
        if (!created)
            return new TriggerSyncResponse { SyncId = jobId.ToString(), Status = SyncOutcomes.AlreadyRunning };
        signal.Notify();
        await AuditAsync(AuditActions.AdminSyncTriggered, user, new() { ["sync_id"] = jobId.ToString() });
        return new TriggerSyncResponse { SyncId = jobId.ToString(), Status = SyncOutcomes.Started };
    }

    private static AdminTwoFactorStatus TwoFactorStatusOf(TwoFactorRow? row) => new()
    {
        Enabled = row?.TotpEnabled ?? false, FailedAttempts = row?.TotpFailedAttempts ?? 0, LockedUntil = row?.TotpLockedUntil,
        RecoveryCodesLeft = row?.RecoveryCodesLeft ?? 0,
    };

    private async Task<AdminUserSummary> SummaryAsync(Guid id) =>
        await users.SummaryAsync(id, Aborted) ?? throw HttpError.NotFound("User not found");

    private Task AuditAsync(string action, AdminUserSummary target, Dictionary<string, object?>? details = null)
    {
        details ??= [];
        details["email"] = target.Email;
        return audit.RecordAsync(Context, new AuditEntry(action, Caller.UserId, "user", target.Id.ToString(), details));
    }
}
