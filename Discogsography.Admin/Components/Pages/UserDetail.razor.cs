using Discogsography.Admin.Components.Shared;
using Discogsography.ServiceModel;
using Microsoft.AspNetCore.Components;

namespace Discogsography.Admin.Components.Pages;

/// <summary>
/// One account: its state and the actions on it (each asked first), its Discogs connection, two-factor state, app
/// tokens, sessions and syncs. The
/// detail is read once (every detail view is audited); the syncs grid is read on its own and followed live.
/// </summary>
public partial class UserDetail
{
    private AdminUserDetail? detail;
    private SyncJobGrid? syncs;

    [Parameter] public Guid Id { get; set; }

    /// <summary>Why a sync cannot start (no Discogs connection and no stored personal token), or null when it can.</summary>
    private string? SyncUnavailableReason =>
        detail is null || detail.Discogs is not null || detail.ApiKeyServices.Contains("discogs")
            ? null
            : "Sync needs a Discogs connection: the user connects their account (or stores a Discogs personal token) first.";

    private string TwoFactorState
    {
        get
        {
            var status = detail!.TwoFactor;
            var state = status.Enabled ? $"On · {status.RecoveryCodesLeft} recovery code(s) left" : "Off";
            if (status.LockedUntil is { } until && until > DateTimeOffset.UtcNow)
                return $"{state} · locked after {status.FailedAttempts} wrong codes until {Formats.When(until)}";
            return status.FailedAttempts > 0 ? $"{state} · {status.FailedAttempts} wrong code(s)" : state;
        }
    }

    private bool CanResetTwoFactor => detail!.TwoFactor is { Enabled: true } or { FailedAttempts: > 0 } or { LockedUntil: not null };

    protected override async Task LoadAsync()
    {
        await FetchAsync();
        RefreshLive(() => syncs?.ShowsActiveJobs == true ? syncs.ReloadAsync() : Task.CompletedTask);
    }

    private Task FetchAsync() => CallAsync(async () => detail = await Api.SendAsync(new GetAdminUser { Id = Id }));

    private Task<GridPage<AdminSyncJob>?> LoadSyncsAsync(GridQuery query) => PageAsync(async () =>
    {
        var (orderBy, descending) = query.Order(AdminSyncOrder.StartedAt);
        var page = await Api.SendAsync(new QueryAdminSyncs { UserId = Id, Offset = query.Offset, Limit = query.Limit, OrderBy = orderBy,
            Descending = descending });
        return new GridPage<AdminSyncJob>(page.Syncs, page.Total);
    });

    private async Task DeactivateAsync()
    {
        if (await ConfirmAsync("Deactivate account",
            $"Deactivate {detail!.User.Email}? They are signed out everywhere and cannot sign in.", "Deactivate", destructive: true))
            await UpdateAsync(new UpdateAdminUser { Id = Id, IsActive = false }, "Deactivated: the user is signed out and cannot sign in.");
    }

    private Task ActivateAsync() => UpdateAsync(new UpdateAdminUser { Id = Id, IsActive = true }, "Activated: the user can sign in again.");

    private async Task GrantAdminAsync()
    {
        if (await ConfirmAsync("Grant admin rights", $"Give {detail!.User.Email} admin rights? They can then manage every account.",
            "Grant admin"))
            await UpdateAsync(new UpdateAdminUser { Id = Id, IsAdmin = true }, "Admin rights granted (from the user's next sign-in).");
    }

    private async Task RevokeAdminAsync()
    {
        if (await ConfirmAsync("Revoke admin rights", $"Remove the admin rights of {detail!.User.Email}?", "Revoke admin",
            destructive: true))
            await UpdateAsync(new UpdateAdminUser { Id = Id, IsAdmin = false }, "Admin rights removed.");
    }

    private async Task UpdateAsync(UpdateAdminUser change, string outcome)
    {
        if (await CallAsync(() => Api.SendAsync(change)))
        {
            Announce(outcome);
            await FetchAsync();
        }
    }

    private async Task EndSessionsAsync()
    {
        if (!await ConfirmAsync("End all sessions", $"Sign {detail!.User.Email} out everywhere?", "End sessions", destructive: true))
            return;
        EndAdminUserSessionsResponse? ended = null;
        if (await CallAsync(async () => ended = await Api.SendAsync(new EndAdminUserSessions { Id = Id })))
        {
            Announce($"{ended!.SessionsEnded} session(s) ended.");
            await FetchAsync();
        }
    }

    private async Task ResetTwoFactorAsync()
    {
        if (!await ConfirmAsync("Reset two-factor authentication",
                $"Turn off two-factor authentication for {detail!.User.Email}? They sign in with their password alone until they set it up again.",
                "Reset 2FA", destructive: true))
            return;
        if (await CallAsync(() => Api.SendAsync(new ResetAdminUserTwoFactor { Id = Id })))
        {
            Announce("Two-factor authentication is off for this user.");
            await FetchAsync();
        }
    }

    private async Task RevokeAppTokenAsync(AppTokenSummary token)
    {
        if (!await ConfirmAsync("Revoke app token", $"Revoke the app token \"{token.Name}\"? Whatever uses it stops working.", "Revoke",
            destructive: true))
            return;
        if (await CallAsync(() => Api.SendAsync(new RevokeAdminUserAppToken { Id = Id, TokenId = token.Id })))
        {
            Announce("App token revoked.");
            await FetchAsync();
        }
    }

    private async Task SyncAsync()
    {
        TriggerSyncResponse? sync = null;
        if (await CallAsync(async () => sync = await Api.SendAsync(new TriggerAdminUserSync { Id = Id })))
        {
            Announce(sync!.Status == SyncOutcomes.Started ? "Sync queued." : "A sync is already running for this user.",
                sync.Status == SyncOutcomes.Started ? MudBlazor.Severity.Success : MudBlazor.Severity.Info);
            await syncs!.FirstPageAsync();
        }
    }
}
