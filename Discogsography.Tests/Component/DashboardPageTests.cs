using System.Net;
using Bunit;
using Discogsography.Admin.Components.Pages;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Component;

public sealed class DashboardPageTests : AdminComponentTest
{
    [Test]
    public void The_dashboard_shows_the_figures_it_fetched()
    {
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ => Figures(total: 12));

        var page = Context.Render<Dashboard>();

        page.Find("[data-testid=users-total]").MarkupMatches("""<h4 class="rz-text-h4 rz-m-0" id:ignore data-testid="users-total">12</h4>""");
        Assert.That(page.Find("[data-testid=discogs-connections]").TextContent, Is.EqualTo("4"));
        Assert.That(page.FindAll("[data-testid=sync-count]").Select(c => c.TextContent.Trim()), Is.EqualTo(new[] { "completed 7", "failed 1" }));
        Assert.That(page.Find("[data-testid=catalogue-counts]").TextContent, Does.Contain("1,000 releases"));
        Assert.That(page.FindAll("[data-testid=dependency]").Select(d => d.TextContent), Has.Some.Contains("Redis").And.Some.Contains("Redis: down"));
    }

    [Test]
    public void Figures_refresh_themselves()
    {
        var calls = 0;
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ => Figures(total: Interlocked.Increment(ref calls)));

        var page = Context.Render<Dashboard>();

        page.WaitForState(() => int.Parse(page.Find("[data-testid=users-total]").TextContent) >= 3, TimeSpan.FromSeconds(5));

        Assert.That(Api.SentOf<GetAdminDashboard>(), Has.Count.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void An_API_error_is_shown_in_the_error_summary()
    {
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ => throw FakeApiClient.Error(HttpStatusCode.ServiceUnavailable, "PostgreSQL is unavailable; try again shortly"));

        var page = Context.Render<Dashboard>();

        Assert.That(page.Find("[data-testid=api-error-message]").TextContent, Is.EqualTo("PostgreSQL is unavailable; try again shortly"));
        Assert.That(page.FindAll("[data-testid=users-total]"), Is.Empty);
    }

    [Test]
    public void An_empty_catalogue_says_how_to_fill_it()
    {
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ =>
        {
            var figures = Figures(total: 1);
            figures.Catalogue = new CatalogueFigures();
            return figures;
        });

        var page = Context.Render<Dashboard>();

        Assert.That(page.Find("[data-testid=catalogue-empty]").TextContent, Does.Contain("No catalogue imported yet"));
    }

    internal static AdminDashboardResponse Figures(int total) => new()
    {
        Users = new UserCounts { Total = total, Active = total, Admins = 1 },
        DiscogsConnections = 4,
        SyncsLast24Hours = [new() { Status = "completed", Count = 7 }, new() { Status = "failed", Count = 1 }],
        Catalogue = new CatalogueFigures { ImportedAt = DateTimeOffset.UtcNow, Releases = 1000, Artists = 300, Labels = 50, Masters = 200, Genres = 10, Styles = 40 },
        Dependencies = [new() { Name = "postgres", Status = "up" }, new() { Name = "redis", Status = "down", Detail = "Redis: down" }],
        GeneratedAt = DateTimeOffset.UtcNow,
    };
}
