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
        Assert.That((request.Offset, request.Limit, request.OrderBy, request.Descending),
            Is.EqualTo((0, 25, AdminUserOrder.CreatedAt, true)));
        Assert.That(page.FindAll("[data-testid=user-link]").Select(a => a.TextContent),
            Is.EqualTo(Enumerable.Range(0, 25).Select(i => $"user{i:000}@example.com")));
        Assert.That(page.PagerCaption(), Is.EqualTo("1-25 of 60"));
    }

    [Test]
    public void The_next_page_is_asked_of_the_server()
    {
        Api.On<QueryAdminUsers, QueryAdminUsersResponse>(r => Page(r, 60));
        var page = Context.Render<Users>();

        page.NextPage();

        Assert.That(Api.SentOf<QueryAdminUsers>().Last().Offset, Is.EqualTo(25));
        Assert.That(page.FindAll("[data-testid=user-link]").First().TextContent, Is.EqualTo("user025@example.com"));
    }

    [Test]
    public void Sorting_by_email_sorts_on_the_server()
    {
        Api.On<QueryAdminUsers, QueryAdminUsersResponse>(r => Page(r, 60));
        var page = Context.Render<Users>();

        page.SortBy(column: 1);
        var ascending = Api.SentOf<QueryAdminUsers>().Last();
        page.SortBy(column: 1);
        var descending = Api.SentOf<QueryAdminUsers>().Last();

        Assert.That((ascending.OrderBy, ascending.Descending), Is.EqualTo((AdminUserOrder.Email, false)));
        Assert.That((descending.OrderBy, descending.Descending), Is.EqualTo((AdminUserOrder.Email, true)));
    }

    [Test]
    public async Task A_search_starts_again_from_the_first_page_with_every_filter()
    {
        Api.On<QueryAdminUsers, QueryAdminUsersResponse>(r => Page(r, r.Search is null ? 60 : 3));
        var page = Context.Render<Users>();
        page.NextPage();

        page.Find("input[data-testid=user-search]").Change("example.org");
        await page.Choose<Users, bool?>("user-active", false);
        await page.Choose<Users, bool?>("user-admin", true);
        page.Find("[data-testid=user-search-submit]").Click();

        var request = Api.SentOf<QueryAdminUsers>().Last();
        Assert.That((request.Search, request.Active, request.Admin, request.Offset),
            Is.EqualTo(("example.org", (bool?)false, (bool?)true, 0)));
        Assert.That(page.FindAll("[data-testid=user-link]"), Has.Count.EqualTo(3));
    }

    [Test]
    public void Long_emails_are_cut_with_an_ellipsis_and_shown_whole_on_hover()
    {
        var email = new string('a', 60) + "@example.com";
        Api.On<QueryAdminUsers, QueryAdminUsersResponse>(_ => new QueryAdminUsersResponse
        {
            Users = [new AdminUserSummary { Id = Guid.NewGuid(), Email = email, IsActive = true, CreatedAt = DateTimeOffset.UtcNow }],
                Total = 1,
        });

        var page = Context.Render<Users>();

        var cell = page.Find("[data-testid=user-link] .ellipsis");
        Assert.That((cell.GetAttribute("title"), cell.TextContent), Is.EqualTo((email, email)));
    }

    [Test]
    public void An_API_error_is_shown_and_the_grid_says_it_has_nothing()
    {
        Api.On<QueryAdminUsers, QueryAdminUsersResponse>(_ =>
                throw FakeApiClient.Error(HttpStatusCode.UnprocessableEntity, "limit: Input should be less than or equal to 200",
            new FieldError("query", "limit", "less_than_equal", "Input should be less than or equal to 200")));

        var page = Context.Render<Users>();

        Assert.That(page.Find("[data-testid=api-error-fields]").TextContent.Trim(),
            Is.EqualTo("limit: Input should be less than or equal to 200"));
        Assert.That(page.FindAll("[data-testid=user-link]"), Is.Empty);
    }

    internal static QueryAdminUsersResponse Page(QueryAdminUsers request, int total)
    {
        var users = Enumerable.Range(request.Offset, Math.Max(0, Math.Min(request.Limit, total - request.Offset)))
            .Select(i => new AdminUserSummary { Id = Guid.NewGuid(), Email = $"user{i:000}@example.com", IsActive = i % 5 != 0,
                IsAdmin = i == 0, CreatedAt = DateTimeOffset.UtcNow })
            .ToList();
        return new QueryAdminUsersResponse { Users = users, Total = total, Offset = request.Offset, Limit = request.Limit,
            HasMore = request.Offset + users.Count < total };
    }
}
