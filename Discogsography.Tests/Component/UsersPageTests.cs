using System.Net;
using Bunit;
using Discogsography.Admin.Components.Pages;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Component;

public sealed class UsersPageTests : AdminComponentTest
{
    [Test]
    public void The_first_page_is_loaded_from_the_server_and_rendered()
    {
        Api.On<QueryAdminUsers, QueryAdminUsersResponse>(r => Page(r, 60));

        var page = Context.Render<Users>();

        var request = Api.SentOf<QueryAdminUsers>().Single();
        Assert.That((request.Offset, request.Limit, request.OrderBy, request.Descending), Is.EqualTo((0, 25, AdminUserOrder.CreatedAt, true)));
        Assert.That(page.FindAll("[data-testid=user-link]").Select(a => a.TextContent), Is.EqualTo(Enumerable.Range(0, 25).Select(i => $"user{i:000}@example.com")));
        Assert.That(page.Find(".rz-pager-summary").TextContent, Does.Contain("60"));
    }

    [Test]
    public void The_next_page_is_asked_of_the_server()
    {
        Api.On<QueryAdminUsers, QueryAdminUsersResponse>(r => Page(r, 60));
        var page = Context.Render<Users>();

        page.Find("button.rz-pager-next").Click();

        Assert.That(Api.SentOf<QueryAdminUsers>().Last().Offset, Is.EqualTo(25));
        Assert.That(page.FindAll("[data-testid=user-link]").First().TextContent, Is.EqualTo("user025@example.com"));
    }

    [Test]
    public void Sorting_by_email_sorts_on_the_server()
    {
        Api.On<QueryAdminUsers, QueryAdminUsersResponse>(r => Page(r, 60));
        var page = Context.Render<Users>();

        page.Find("th[data-column-index='0'] div").Click();

        var request = Api.SentOf<QueryAdminUsers>().Last();
        Assert.That((request.OrderBy, request.Descending), Is.EqualTo((AdminUserOrder.Email, false)));
    }

    [Test]
    public void A_search_starts_again_from_the_first_page_with_the_filter()
    {
        Api.On<QueryAdminUsers, QueryAdminUsersResponse>(r => Page(r, r.Search is null ? 60 : 3));
        var page = Context.Render<Users>();
        page.Find("button.rz-pager-next").Click();

        page.Find("[data-testid=user-search] ").Change("example.org");
        page.Find("[data-testid=user-search-submit]").Click();

        var request = Api.SentOf<QueryAdminUsers>().Last();
        Assert.That((request.Search, request.Offset), Is.EqualTo(("example.org", 0)));
        Assert.That(page.FindAll("[data-testid=user-link]"), Has.Count.EqualTo(3));
    }

    [Test]
    public void An_API_error_is_shown()
    {
        Api.On<QueryAdminUsers, QueryAdminUsersResponse>(_ => throw FakeApiClient.Error(HttpStatusCode.UnprocessableEntity, "limit: Input should be less than or equal to 200",
            new FieldError("query", "limit", "less_than_equal", "Input should be less than or equal to 200")));

        var page = Context.Render<Users>();

        Assert.That(page.Find("[data-testid=api-error-fields]").TextContent.Trim(), Is.EqualTo("limit: Input should be less than or equal to 200"));
    }

    internal static QueryAdminUsersResponse Page(QueryAdminUsers request, int total)
    {
        var users = Enumerable.Range(request.Offset, Math.Max(0, Math.Min(request.Limit, total - request.Offset)))
            .Select(i => new AdminUserSummary { Id = Guid.NewGuid(), Email = $"user{i:000}@example.com", IsActive = i % 5 != 0, IsAdmin = i == 0, CreatedAt = DateTimeOffset.UtcNow })
            .ToList();
        return new QueryAdminUsersResponse { Users = users, Total = total, Offset = request.Offset, Limit = request.Limit, HasMore = request.Offset + users.Count < total };
    }
}
