using System.Text.Json.Nodes;
using Bunit;
using Discogsography.Admin.Components.Pages;
using Discogsography.ServiceModel;

namespace Discogsography.Tests.Component;

public sealed class AuditLogPageTests : AdminComponentTest
{
    [SetUp]
    public void AnswerTheLog()
    {
        Api.On<ListAuditActions, List<string>>(_ => ["admin_user_deactivated", "login_success"]);
        Api.On<QueryAuditLog, QueryAuditLogResponse>(r => new QueryAuditLogResponse
        {
            Entries = [.. Enumerable.Range(r.Offset, Math.Min(r.Limit, 120 - r.Offset)).Select(i => new AuditEntryInfo
            {
                Id = i, Action = r.Action ?? "login_success", Email = "admin@example.com", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-i),
                Details = new JsonObject { ["email"] = "member@example.com" }, ResourceType = "user", ResourceId = "u1",
            })],
            Total = 120, Offset = r.Offset, Limit = r.Limit,
        });
    }

    [Test]
    public void Entries_are_shown_newest_first_with_their_details()
    {
        var page = Context.Render<AuditLog>();

        Assert.That(page.FindAll("[data-testid=audit-entry-action]"), Has.Count.EqualTo(50));
        Assert.That(page.Find("[data-testid=audit-grid]").TextContent,
            Does.Contain("""{"email":"member@example.com"}""").And.Contain("user u1"));
        Assert.That(page.PagerCaption(), Is.EqualTo("1-50 of 120"));
        Assert.That(Api.SentOf<ListAuditActions>(), Has.Count.EqualTo(1));
    }

    [Test]
    public void Sorting_by_action_sorts_on_the_server()
    {
        var page = Context.Render<AuditLog>();
        var first = Api.SentOf<QueryAuditLog>().First();

        page.SortBy(column: 2);

        var request = Api.SentOf<QueryAuditLog>().Last();
        Assert.That((first.OrderBy, first.Descending), Is.EqualTo((AuditOrder.CreatedAt, true)), "newest first until a column is chosen");
        Assert.That((request.OrderBy, request.Descending), Is.EqualTo((AuditOrder.Action, false)));
    }

    [Test]
    public async Task Filters_go_to_the_server_and_start_from_the_first_page()
    {
        var page = Context.Render<AuditLog>();
        page.NextPage();
        Assert.That(Api.SentOf<QueryAuditLog>().Last().Offset, Is.EqualTo(50));

        page.Find("input[data-testid=audit-search]").Change("member@");
        await page.Choose<AuditLog, string>("audit-action", "admin_user_deactivated");
        page.Find("[data-testid=audit-filter-submit]").Click();

        var request = Api.SentOf<QueryAuditLog>().Last();
        Assert.That((request.Search, request.Action, request.Offset), Is.EqualTo(("member@", "admin_user_deactivated", 0)));
        Assert.That(page.FindAll("[data-testid=audit-entry-action]").Select(a => a.TextContent),
            Has.All.EqualTo(ServiceModel.AuditActions.AdminUserDeactivated));
    }

    [Test]
    public void Paging_keeps_the_filter_on_screen_not_inputs_not_yet_applied()
    {
        var page = Context.Render<AuditLog>();

        page.Find("input[data-testid=audit-search]").Change("typed but not applied");
        page.NextPage();

        Assert.That(Api.SentOf<QueryAuditLog>().Last().Search, Is.Null);
    }
}
