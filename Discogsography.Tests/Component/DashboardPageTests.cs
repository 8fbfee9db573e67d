using System.Net;
using Bunit;
using Discogsography.Admin.Components.Pages;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Component;

public sealed class DashboardPageTests : AdminComponentTest
{
    [SetUp]
    public void AnswerTheCharts() => Api.On<GetAdminStats, AdminStatsResponse>(_ => Stats(busy: true));

    [Test]
    public void The_dashboard_shows_the_figures_it_fetched()
    {
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ => Figures(total: 12));

        var page = Context.Render<Dashboard>();

        page.Find("[data-testid=users-total]").MarkupMatches("""<h4 class:ignore style:ignore data-testid="users-total">12</h4>""");
        Assert.That(page.Find("[data-testid=discogs-connections]").TextContent, Is.EqualTo("4"));
        Assert.That(page.FindAll("[data-testid=sync-count]").Select(c => c.TextContent.Trim()),
            Is.EqualTo(new[] { "completed 7", "failed 1" }));
        Assert.That(page.Find("[data-testid=catalogue-counts]").TextContent, Does.Contain("1,000 releases"));
        Assert.That(page.FindAll("[data-testid=dependency]").Select(d => d.TextContent),
            Has.Some.Contains("Redis").And.Some.Contains("Redis: down"));
    }

    [Test]
    public void Figures_refresh_themselves_and_the_audited_charts_are_read_once()
    {
        var calls = 0;
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ => Figures(total: Interlocked.Increment(ref calls)));

        var page = Context.Render<Dashboard>();

        page.WaitForState(() => int.Parse(page.Find("[data-testid=users-total]").TextContent) >= 3, TimeSpan.FromSeconds(5));
        Assert.That(Api.SentOf<GetAdminDashboard>(), Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(Api.SentOf<GetAdminStats>(), Has.Count.EqualTo(1));
    }

    [Test]
    public void Each_chart_is_drawn_from_the_stats_with_every_bucket()
    {
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ => Figures(total: 1));

        var page = Context.Render<Dashboard>();

        foreach (var chart in new[] { "chart-syncs", "chart-sign-ins", "chart-decades", "chart-genres" })
        {
            Assert.That(page.Find($"[data-testid={chart}]").QuerySelector("svg"), Is.Not.Null, $"{chart} draws a chart");
            Assert.That(page.FindAll($"[data-testid={chart}-empty]"), Is.Empty);
        }
        Assert.That(page.Find("[data-testid=chart-decades]").TextContent,
            Does.Contain("1990s").And.Contain("2000s").And.Contain("12 releases have no year"));
        Assert.That(page.Find("[data-testid=chart-genres]").TextContent, Does.Contain("Electronic"));
        Assert.That(page.Find("[data-testid=chart-syncs]").TextContent, Does.Contain("Completed").And.Contain("Failed"));
    }

    [Test]
    public void Charts_with_nothing_to_draw_say_so_instead_of_drawing_empty_axes()
    {
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ => Figures(total: 1));
        Api.On<GetAdminStats, AdminStatsResponse>(_ => Stats(busy: false));

        var page = Context.Render<Dashboard>();

        Assert.That(page.Find("[data-testid=chart-syncs-empty]").TextContent, Is.EqualTo("No syncs in this period."));
        Assert.That(page.Find("[data-testid=chart-sign-ins-empty]").TextContent, Is.EqualTo("No sign-ins in this period."));
        Assert.That(page.Find("[data-testid=chart-decades-empty]").TextContent, Does.Contain("import a catalogue first"));
        Assert.That(page.Find("[data-testid=chart-genres-empty]").TextContent, Does.Contain("import a catalogue first"));
    }

    [Test]
    public void An_API_error_is_shown_in_the_error_summary()
    {
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ =>
                throw FakeApiClient.Error(HttpStatusCode.ServiceUnavailable, "PostgreSQL is unavailable; try again shortly"));
        Api.On<GetAdminStats, AdminStatsResponse>(_ =>
                throw FakeApiClient.Error(HttpStatusCode.ServiceUnavailable, "PostgreSQL is unavailable; try again shortly"));

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
        Catalogue = new CatalogueFigures { ImportedAt = DateTimeOffset.UtcNow, Releases = 1000, Artists = 300, Labels = 50, Masters = 200,
            Genres = 10, Styles = 40 },
        Dependencies = [new() { Name = "postgres", Status = "up" }, new() { Name = "redis", Status = "down", Detail = "Redis: down" }],
        GeneratedAt = DateTimeOffset.UtcNow,
    };

    internal static AdminStatsResponse Stats(bool busy)
    {
        var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        return new AdminStatsResponse
        {
            SyncsPerDay = [.. Enumerable.Range(0, 30).Select(d => new DailySyncCounts
            {
                Day = today.AddDays(d - 29), Completed = busy ? d % 3 : 0, Failed = busy && d == 5 ? 1 : 0,
            })],
            SignInsPerHour = [.. Enumerable.Range(0, 48)
                .Select(h => new HourlySignIns { Hour = today.AddHours(h - 47), SignIns = busy ? h % 4 : 0,
                    Failed = busy ? h % 7 / 6 : 0 })],
            ReleasesPerDecade = busy ? [new() { Decade = 1990, Count = 400 }, new() { Decade = 2000, Count = 588 }] : [],
            UndatedReleases = busy ? 12 : 0,
            TopGenres = busy ? [new() { Name = "Electronic", Count = 700 }, new() { Name = "Rock", Count = 200 }] : [],
            GeneratedAt = DateTimeOffset.UtcNow,
        };
    }
}
