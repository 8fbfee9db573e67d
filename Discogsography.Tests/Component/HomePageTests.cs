using System.Net;
using Bunit;
using Discogsography.Admin;
using Discogsography.Admin.Components.Pages;
using Discogsography.Admin.Services;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using Radzen;

namespace Discogsography.Tests.Component;

public sealed class HomePageTests
{
    private BunitContext context = null!;
    private FakeApiClient api = null!;

    [SetUp]
    public void CreateContext()
    {
        context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        api = new FakeApiClient();
        context.Services.AddSingleton<IApiClient>(api);
        context.Services.AddSingleton(new AdminSettings { ApiBaseUrl = new Uri("http://api.test:8004") });
        context.Services.AddRadzenComponents();
    }

    [TearDown]
    public void DisposeContext() => context.Dispose();

    [Test]
    public void The_home_page_shows_the_API_health_it_fetched_through_the_typed_client()
    {
        api.On<GetHealth, HealthResponse>(_ => new HealthResponse { Status = "healthy", Service = "api", Timestamp = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero) });

        var page = context.Render<Home>();

        page.Find("[data-testid=api-status]").MarkupMatches(
            """<p data-testid="api-status">API healthy at http://api.test:8004/ (checked 2026-11-21 06:00:00Z)</p>""");
        Assert.That(api.Sent, Has.One.InstanceOf<GetHealth>());
    }

    [Test]
    public void An_API_error_is_shown_instead_of_the_status()
    {
        api.On<GetHealth, HealthResponse>(_ => throw FakeApiClient.Error(HttpStatusCode.ServiceUnavailable, "PostgreSQL is unavailable; try again shortly"));

        var page = context.Render<Home>();

        Assert.That(page.Find("[data-testid=api-error]").TextContent, Does.Contain("PostgreSQL is unavailable; try again shortly"));
        Assert.That(page.FindAll("[data-testid=api-status]"), Is.Empty);
    }

    [Test]
    public void Check_again_asks_the_API_again_and_clears_a_previous_error()
    {
        var calls = 0;
        api.On<GetHealth, HealthResponse>(_ => ++calls == 1
            ? throw new HttpRequestException("connection refused")
            : new HealthResponse { Status = "healthy", Service = "api", Timestamp = DateTimeOffset.UtcNow });
        var page = context.Render<Home>();

        page.Find("[data-testid=check-again]").Click();

        page.WaitForAssertion(() => Assert.That(page.Find("[data-testid=api-status]").TextContent, Does.StartWith("API healthy")));
        Assert.That(page.FindAll("[data-testid=api-error]"), Is.Empty);
    }
}
