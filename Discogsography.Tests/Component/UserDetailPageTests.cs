using System.Net;
using Bunit;
using Discogsography.Admin.Components.Pages;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Component;

public sealed class UserDetailPageTests : AdminComponentTest
{
    private static readonly Guid UserId = Guid.NewGuid();
    private AdminUserDetail detail = null!;
    private string syncStatus = JobStatuses.Completed;

    [SetUp]
    public void AnswerTheDetail()
    {
        detail = Detail(isActive: true, connected: true);
        Api.On<GetAdminUser, AdminUserDetail>(_ => detail);
        Api.On<QueryAdminSyncs, QueryAdminSyncsResponse>(r =>
                new QueryAdminSyncsResponse { Syncs = [Sync(syncStatus)], Total = 1, Offset = r.Offset, Limit = r.Limit });
    }

    [Test]
    public void The_detail_shows_the_account_its_connection_sessions_syncs_and_key_services()
    {
        var page = Render();

        Assert.That(page.Find("[data-testid=user-email]").TextContent, Is.EqualTo("member@example.com"));
        Assert.That(page.Find("[data-testid=discogs-connection]").TextContent, Does.Contain("vinyl_fan (id 42)"));
        Assert.That(page.Find("[data-testid=api-key-services]").TextContent, Does.Contain("discogs, lastfm"));
        Assert.That(page.Find("[data-testid=sessions-grid]").TextContent, Does.Contain("10.0.0.7"));
        Assert.That(page.Find("[data-testid=sync-progress]").TextContent, Is.EqualTo("120 items, 2 pages, 3 removed"));
        Assert.That(Api.SentOf<QueryAdminSyncs>().First().UserId, Is.EqualTo(UserId), "the syncs grid reads this user's jobs");
    }

    [Test]
    public void The_syncs_stay_on_screen_while_the_page_lives()
    {
        syncStatus = JobStatuses.Running;
        var page = Render();

        page.WaitForState(() => Api.SentOf<QueryAdminSyncs>().Count >= 3, TimeSpan.FromSeconds(5));
        syncStatus = JobStatuses.Completed;
        page.WaitForState(() => page.Find("[data-testid=job-status]").TextContent == "completed", TimeSpan.FromSeconds(5));
        Thread.Sleep(200);

        Assert.That(page.FindAll("[data-testid=sync-progress]"), Has.Count.EqualTo(1), "the finished sync is still listed");
        Assert.That(page.FindAll("[data-testid=sync-jobs-empty]"), Is.Empty);
    }

    [Test]
    public void Deactivating_asks_first_then_updates_and_says_what_happened()
    {
        Api.On<UpdateAdminUser, AdminUserSummary>(r =>
        {
            detail = Detail(isActive: r.IsActive!.Value, connected: true);
            return detail.User;
        });
        var page = Render();

        page.Find("[data-testid=deactivate]").Click();
        Assert.That(Api.SentOf<UpdateAdminUser>(), Is.Empty, "the click only asks");
        Assert.That(Dialogs.Find("[data-testid=confirm-question]").TextContent, Does.Contain("Deactivate member@example.com?"));
        Answer(confirm: true);

        page.WaitForState(() => page.Find("[data-testid=user-active]").TextContent == "inactive");
        Assert.That(Api.SentOf<UpdateAdminUser>().Single().IsActive, Is.False);
        Assert.That(Notices(), Has.Some.StartsWith("Deactivated"));
        Assert.That(page.FindAll("[data-testid=activate]"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Cancelling_the_question_changes_nothing()
    {
        var page = Render();

        page.Find("[data-testid=end-sessions]").Click();
        Answer(confirm: false);

        Assert.That(Api.SentOf<EndAdminUserSessions>(), Is.Empty);
        Assert.That(Notices(), Is.Empty);
        Assert.That(page.FindAll("[data-testid=end-sessions]"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Refusing_to_remove_the_last_admin_shows_the_APIs_reason()
    {
        detail.User.IsAdmin = true;
        Api.On<UpdateAdminUser, AdminUserSummary>(_ => throw FakeApiClient.Error(HttpStatusCode.Conflict,
            "At least one active administrator must remain: grant another account admin rights first"));
        var page = Render();

        page.Find("[data-testid=revoke-admin]").Click();
        Answer(confirm: true);

        page.WaitForState(() => page.FindAll("[data-testid=api-error-message]").Count == 1);
        Assert.That(page.Find("[data-testid=api-error-message]").TextContent,
            Does.StartWith("At least one active administrator must remain"));
        Assert.That(Notices(), Is.Empty, "nothing claims success");
    }

    [Test]
    public void Sync_now_queues_a_sync_and_follows_it_live_reading_only_the_jobs()
    {
        Api.On<TriggerAdminUserSync, TriggerSyncResponse>(_ =>
        {
            syncStatus = JobStatuses.Running;
            return new TriggerSyncResponse { SyncId = "s1", Status = SyncOutcomes.Started };
        });
        var page = Render();

        page.Find("[data-testid=sync-now]").Click();
        page.WaitForState(() => page.Find("[data-testid=job-status]").TextContent == "running");
        syncStatus = JobStatuses.Completed;
        page.WaitForState(() => page.Find("[data-testid=job-status]").TextContent == "completed", TimeSpan.FromSeconds(5));

        Assert.That(Notices(), Is.EqualTo(new[] { "Sync queued." }));
        Assert.That(Api.SentOf<TriggerAdminUserSync>().Single().Id, Is.EqualTo(UserId));
        Assert.That(Api.SentOf<GetAdminUser>(), Has.Count.EqualTo(1), "the audited detail is read once, not while polling");
    }

    [Test]
    public void Sync_now_is_disabled_with_the_reason_for_a_user_without_a_Discogs_connection()
    {
        detail = Detail(isActive: true, connected: false);
        detail.ApiKeyServices = ["lastfm"];
        var page = Render();

        Assert.That(page.Find("[data-testid=sync-now]").HasAttribute("disabled"), Is.True);
        Assert.That(page.Find("[data-testid=sync-unavailable]").TextContent, Does.Contain("needs a Discogs connection"));
    }

    [Test]
    public void A_stored_Discogs_personal_token_is_enough_to_sync()
    {
        detail = Detail(isActive: true, connected: false);
        var page = Render();

        Assert.That(page.Find("[data-testid=sync-now]").HasAttribute("disabled"), Is.False);
        Assert.That(page.FindAll("[data-testid=sync-unavailable]"), Is.Empty);
    }

    [Test]
    public void A_locked_out_users_two_factor_state_is_shown_and_reset_after_asking()
    {
        detail.TwoFactor = new AdminTwoFactorStatus { Enabled = true, FailedAttempts = 5,
            LockedUntil = DateTimeOffset.UtcNow.AddMinutes(10), RecoveryCodesLeft = 3 };
        Api.On<ResetAdminUserTwoFactor, AccountMessageResponse>(_ =>
        {
            detail.TwoFactor = new AdminTwoFactorStatus();
            return new AccountMessageResponse { Message = "2FA has been reset" };
        });
        var page = Render();

        Assert.That(page.Find("[data-testid=two-factor-state]").TextContent,
            Does.StartWith("On · 3 recovery code(s) left · locked after 5 wrong codes until"));
        page.Find("[data-testid=reset-2fa]").Click();
        Assert.That(Api.SentOf<ResetAdminUserTwoFactor>(), Is.Empty, "the click only asks");
        Answer(confirm: true);

        page.WaitForState(() => page.Find("[data-testid=two-factor-state]").TextContent == "Off");
        Assert.That(Api.SentOf<ResetAdminUserTwoFactor>().Single().Id, Is.EqualTo(UserId));
        Assert.That(Notices(), Is.EqualTo(new[] { "Two-factor authentication is off for this user." }));
        Assert.That(page.FindAll("[data-testid=reset-2fa]"), Is.Empty, "nothing left to reset");
    }

    [Test]
    public void An_app_token_is_listed_without_its_secret_and_revoked_after_asking()
    {
        var token = new AppTokenSummary { Id = Guid.NewGuid(), Name = "export script", Scopes = ["collection:read", "sync:trigger"],
            CreatedAt = DateTimeOffset.UtcNow };
        detail.AppTokens = [token];
        Api.OnVoid<RevokeAdminUserAppToken>(_ => detail.AppTokens = []);
        var page = Render();

        Assert.That(page.Find("[data-testid=app-tokens-grid]").TextContent,
            Does.Contain("export script").And.Contain("collection:read, sync:trigger"));
        page.Find("[data-testid=revoke-app-token]").Click();
        Assert.That(Dialogs.Find("[data-testid=confirm-question]").TextContent, Does.Contain("\"export script\""));
        Answer(confirm: true);

        page.WaitForState(() => page.Find("[data-testid=app-tokens-grid]").TextContent.Contains("No app tokens"));
        Assert.That(Api.SentOf<RevokeAdminUserAppToken>().Single(),
            Has.Property("Id").EqualTo(UserId).And.Property("TokenId").EqualTo(token.Id));
        Assert.That(Notices(), Is.EqualTo(new[] { "App token revoked." }));
    }

    private IRenderedComponent<UserDetail> Render() => Context.Render<UserDetail>(p => p.Add(c => c.Id, UserId));

    private static AdminUserDetail Detail(bool isActive, bool connected) => new()
    {
        User = new AdminUserSummary { Id = UserId, Email = "member@example.com", IsActive = isActive, CreatedAt = DateTimeOffset.UtcNow },
        Sessions = [new SessionSummary { Id = Guid.NewGuid(), Ip = "10.0.0.7", UserAgent = "curl", CreatedAt = DateTimeOffset.UtcNow }],
        Discogs = connected ? new AdminDiscogsConnection { Username = "vinyl_fan", UserId = "42", ConnectedAt = DateTimeOffset.UtcNow }
            : null,
        Syncs = [],
        ApiKeyServices = ["discogs", "lastfm"],
        TwoFactor = new AdminTwoFactorStatus(),
        AppTokens = [],
    };

    private static AdminSyncJob Sync(string status) => new()
    {
        SyncId = "s1", UserId = UserId, Email = "member@example.com", Status = status, ItemsSynced = 120, PagesFetched = 2,
            ItemsRemoved = 3,
        StartedAt = DateTimeOffset.UtcNow,
    };
}
