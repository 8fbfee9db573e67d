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
    private string syncStatus = SyncStatuses.Completed;

    [SetUp]
    public void AnswerTheDetail()
    {
        detail = Detail(isActive: true, connected: true);
        Api.On<GetAdminUser, AdminUserDetail>(_ => detail);
        Api.On<QueryAdminSyncs, QueryAdminSyncsResponse>(r => new QueryAdminSyncsResponse { Syncs = [Sync(syncStatus)], Total = 1, Offset = r.Offset, Limit = r.Limit });
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
        syncStatus = SyncStatuses.Running;
        var page = Render();

        page.WaitForState(() => Api.SentOf<QueryAdminSyncs>().Count >= 3, TimeSpan.FromSeconds(5));
        syncStatus = SyncStatuses.Completed;
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
        Assert.That(page.Find("[data-testid=api-error-message]").TextContent, Does.StartWith("At least one active administrator must remain"));
        Assert.That(Notices(), Is.Empty, "nothing claims success");
    }

    [Test]
    public void Sync_now_queues_a_sync_and_follows_it_live_reading_only_the_jobs()
    {
        Api.On<TriggerAdminUserSync, TriggerSyncResponse>(_ =>
        {
            syncStatus = SyncStatuses.Running;
            return new TriggerSyncResponse { SyncId = "s1", Status = "started" };
        });
        var page = Render();

        page.Find("[data-testid=sync-now]").Click();
        page.WaitForState(() => page.Find("[data-testid=job-status]").TextContent == "running");
        syncStatus = SyncStatuses.Completed;
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

    private IRenderedComponent<UserDetail> Render() => Context.Render<UserDetail>(p => p.Add(c => c.Id, UserId));

    private static AdminUserDetail Detail(bool isActive, bool connected) => new()
    {
        User = new AdminUserSummary { Id = UserId, Email = "member@example.com", IsActive = isActive, CreatedAt = DateTimeOffset.UtcNow },
        Sessions = [new SessionSummary { Id = Guid.NewGuid(), Ip = "10.0.0.7", UserAgent = "curl", CreatedAt = DateTimeOffset.UtcNow }],
        Discogs = connected ? new AdminDiscogsConnection { Username = "vinyl_fan", UserId = "42", ConnectedAt = DateTimeOffset.UtcNow } : null,
        Syncs = [],
        ApiKeyServices = ["discogs", "lastfm"],
    };

    private static AdminSyncJob Sync(string status) => new()
    {
        SyncId = "s1", UserId = UserId, Email = "member@example.com", Status = status, ItemsSynced = 120, PagesFetched = 2, ItemsRemoved = 3,
        StartedAt = DateTimeOffset.UtcNow,
    };
}
