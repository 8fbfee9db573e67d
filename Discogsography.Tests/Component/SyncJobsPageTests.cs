using Bunit;
using Discogsography.Admin.Components.Pages;
using Discogsography.ServiceModel;

namespace Discogsography.Tests.Component;

public sealed class SyncJobsPageTests : AdminComponentTest
{
    private string status = "";
    private int items;

    [SetUp]
    public void AnswerTheJobs()
    {
        (status, items) = (JobStatuses.Running, 100);
        Api.On<QueryAdminSyncs, QueryAdminSyncsResponse>(r => new QueryAdminSyncsResponse
        {
            Syncs = r.Status is null or JobStatuses.Running
                ? [Job("j1", status, items), Job("j2", JobStatuses.Failed, 5)] : [Job("j2", JobStatuses.Failed, 5)],
            Total = 60, Offset = r.Offset, Limit = r.Limit,
        });
    }

    [Test]
    public void Jobs_are_listed_with_status_progress_and_who_asked()
    {
        var page = Context.Render<SyncJobs>();

        Assert.That(page.FindAll("[data-testid=job-status]").Select(s => s.TextContent), Is.EqualTo(new[] { "running", "failed" }));
        Assert.That(page.FindAll("[data-testid=sync-progress]")[0].TextContent, Is.EqualTo("100 items, 1 pages (collection)"));
        Assert.That(page.Find("[data-testid=sync-jobs]").TextContent, Does.Contain("admin@example.com").And.Contain("the user"));
    }

    [Test]
    public void A_job_that_left_a_changed_list_unpruned_says_so()
    {
        var job = Job("j3", JobStatuses.Completed, 117);
        job.ReconcileSkipped = ["collection"];
        job.ItemsRemoved = 2;
        Api.On<QueryAdminSyncs, QueryAdminSyncsResponse>(r =>
            new QueryAdminSyncsResponse { Syncs = [job], Total = 1, Offset = r.Offset, Limit = r.Limit });

        var page = Context.Render<SyncJobs>();

        Assert.That(page.Find("[data-testid=sync-progress]").TextContent,
            Is.EqualTo("117 items, 1 pages, 2 removed, collection left unpruned: changed during the sync"));
    }

    [Test]
    public void Running_jobs_update_on_screen_without_a_reload_and_polling_stops_when_none_runs()
    {
        var page = Context.Render<SyncJobs>();

        (status, items) = (JobStatuses.Completed, 250);
        page.WaitForState(() => page.FindAll("[data-testid=job-status]")[0].TextContent == "completed", TimeSpan.FromSeconds(5));

        Assert.That(page.FindAll("[data-testid=sync-progress]")[0].TextContent, Is.EqualTo("250 items, 1 pages"));
        var polls = Api.SentOf<QueryAdminSyncs>().Count;
        Thread.Sleep(300);
        Assert.That(Api.SentOf<QueryAdminSyncs>(), Has.Count.EqualTo(polls), "nothing active on screen: no more polling");
    }

    [Test]
    public async Task Sorting_by_user_then_reversing_it_sorts_on_the_server()
    {
        var page = Context.Render<SyncJobs>();
        var first = Api.SentOf<QueryAdminSyncs>().First();

        await page.InvokeAsync(() => page.SortBy(column: 1));
        var ascending = Api.SentOf<QueryAdminSyncs>().Last();
        await page.InvokeAsync(() => page.SortBy(column: 1));
        var descending = Api.SentOf<QueryAdminSyncs>().Last();

        Assert.That((first.OrderBy, first.Descending), Is.EqualTo((AdminSyncOrder.StartedAt, true)),
            "newest first until a column is chosen");
        Assert.That((ascending.OrderBy, ascending.Descending), Is.EqualTo((AdminSyncOrder.Email, false)));
        Assert.That((descending.OrderBy, descending.Descending), Is.EqualTo((AdminSyncOrder.Email, true)));
    }

    [Test]
    public async Task Filtering_by_status_asks_the_server_from_the_first_page()
    {
        var page = Context.Render<SyncJobs>();
        await page.InvokeAsync(page.NextPage);

        await page.Choose<SyncJobs, string>("sync-status-filter", JobStatuses.Failed);
        await page.InvokeAsync(() => page.Find("[data-testid=sync-filter-submit]").Click());

        var request = Api.SentOf<QueryAdminSyncs>().Last();
        Assert.That((request.Status, request.Offset), Is.EqualTo((JobStatuses.Failed, 0)));
    }

    [Test]
    public async Task Cancelling_a_running_job_asks_first_then_sends_it_and_refreshes_the_list()
    {
        Api.On<CancelAdminSync, AdminSyncJob>(_ =>
        {
            status = JobStatuses.Cancelled;
            return Job("j1", JobStatuses.Cancelled, items);
        });
        var page = Context.Render<SyncJobs>();

        await page.InvokeAsync(() => page.Find("[data-testid=cancel-sync]").Click());
        Assert.That(Api.SentOf<CancelAdminSync>(), Is.Empty, "the click only asks");
        await Dialogs.InvokeAsync(() => Answer(confirm: true));

        page.WaitForState(() => page.FindAll("[data-testid=job-status]")[0].TextContent == "cancelled");
        Assert.That(Api.SentOf<CancelAdminSync>().Single().Id, Is.EqualTo(IdOf("j1")));
        Assert.That(page.FindAll("[data-testid=cancel-sync]"), Is.Empty);
        Assert.That(Notices(), Has.Some.StartsWith("Cancel requested"));
    }

    private static AdminSyncJob Job(string name, string status, int items) => new()
    {
        SyncId = IdOf(name).ToString(), UserId = Guid.NewGuid(), Email = $"{name}@example.com", Status = status, Phase = "collection",
        ItemsSynced = items, PagesFetched = 1, StartedAt = DateTimeOffset.UtcNow, RequestedBy = name == "j1" ? "admin@example.com" : null,
    };

    private static Guid IdOf(string name) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name)));
}
