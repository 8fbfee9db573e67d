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

    [SetUp]
    public void AnswerTheDetail()
    {
        detail = Detail(isActive: true, syncStatus: SyncStatuses.Completed);
        Api.On<GetAdminUser, AdminUserDetail>(_ => detail);
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
    }

    [Test]
    public void Deactivating_asks_first_then_updates_and_says_what_happened()
    {
        Api.On<UpdateAdminUser, AdminUserSummary>(r =>
        {
            detail = Detail(isActive: r.IsActive!.Value, syncStatus: SyncStatuses.Completed);
            return detail.User;
        });
        var page = Render();

        page.Find("[data-testid=deactivate]").Click();
        Assert.That(Api.SentOf<UpdateAdminUser>(), Is.Empty, "the first click only asks");
        page.Find("[data-testid=deactivate-confirm]").Click();

        Assert.That(Api.SentOf<UpdateAdminUser>().Single().IsActive, Is.False);
        Assert.That(page.Find("[data-testid=notice]").TextContent, Does.Contain("Deactivated"));
        Assert.That(page.Find("[data-testid=user-active]").TextContent, Is.EqualTo("inactive"));
        Assert.That(page.FindAll("[data-testid=activate]"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Cancelling_the_question_changes_nothing()
    {
        var page = Render();

        page.Find("[data-testid=end-sessions]").Click();
        page.Find("[data-testid=end-sessions-cancel]").Click();

        Assert.That(Api.SentOf<EndAdminUserSessions>(), Is.Empty);
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
        page.Find("[data-testid=revoke-admin-confirm]").Click();

        Assert.That(page.Find("[data-testid=api-error-message]").TextContent, Does.StartWith("At least one active administrator must remain"));
    }

    [Test]
    public void Sync_now_queues_a_sync_and_follows_it_live()
    {
        Api.On<TriggerAdminUserSync, TriggerSyncResponse>(_ =>
        {
            detail = Detail(isActive: true, syncStatus: SyncStatuses.Running);
            return new TriggerSyncResponse { SyncId = "s1", Status = "started" };
        });
        var page = Render();

        Api.On<QueryAdminSyncs, QueryAdminSyncsResponse>(r => new QueryAdminSyncsResponse { Syncs = Detail(true, SyncStatuses.Completed).Syncs, Total = 1 });

        page.Find("[data-testid=sync-now]").Click();
        Assert.That(page.Find("[data-testid=job-status]").TextContent, Is.EqualTo("running"));
        page.WaitForState(() => page.Find("[data-testid=job-status]").TextContent == "completed", TimeSpan.FromSeconds(5));

        Assert.That(page.Find("[data-testid=notice]").TextContent, Is.EqualTo("Sync queued."));
        Assert.That(Api.SentOf<TriggerAdminUserSync>().Single().Id, Is.EqualTo(UserId));
        Assert.That(Api.SentOf<QueryAdminSyncs>().First().UserId, Is.EqualTo(UserId), "only the jobs are re-read (a detail view is audited)");
        Assert.That(Api.SentOf<GetAdminUser>(), Has.Count.EqualTo(2), "read on arrival and after queuing, not while polling");
    }

    private IRenderedComponent<UserDetail> Render() => Context.Render<UserDetail>(p => p.Add(c => c.Id, UserId));

    private static AdminUserDetail Detail(bool isActive, string syncStatus) => new()
    {
        User = new AdminUserSummary { Id = UserId, Email = "member@example.com", IsActive = isActive, CreatedAt = DateTimeOffset.UtcNow },
        Sessions = [new SessionSummary { Id = Guid.NewGuid(), Ip = "10.0.0.7", UserAgent = "curl", CreatedAt = DateTimeOffset.UtcNow }],
        Discogs = new AdminDiscogsConnection { Username = "vinyl_fan", UserId = "42", ConnectedAt = DateTimeOffset.UtcNow },
        Syncs = [new AdminSyncJob
        {
            SyncId = "s1", UserId = UserId, Email = "member@example.com", Status = syncStatus, ItemsSynced = 120, PagesFetched = 2, ItemsRemoved = 3,
            StartedAt = DateTimeOffset.UtcNow,
        }],
        ApiKeyServices = ["discogs", "lastfm"],
    };
}
