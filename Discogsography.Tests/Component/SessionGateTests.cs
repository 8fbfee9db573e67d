using System.Net;
using Bunit;
using Discogsography.Admin.Components.Pages;
using Discogsography.Admin.Services;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Component;

/// <summary>Every signed-in page sends visitors without a live session to the sign-in page, and a refused token ends the session.</summary>
public sealed class SessionGateTests : AdminComponentTest
{
    [Test]
    public void Without_a_session_a_page_sends_the_visitor_to_sign_in_and_back()
    {
        Store.Stored = null;
        Navigation.NavigateTo("/users");

        Context.Render<Users>();

        Assert.That(Navigation.Uri, Is.EqualTo("http://localhost/login?returnUrl=%2Fusers"));
        Assert.That(Api.Sent, Is.Empty);
    }

    [Test]
    public void An_expired_token_is_not_used()
    {
        Store.Stored = new StoredAdminSession("admin@example.com", "old-token", DateTimeOffset.UtcNow.AddSeconds(-1));

        Context.Render<Dashboard>();

        Assert.That(Navigation.Uri, Does.StartWith("http://localhost/login"));
        Assert.That((Api.Sent, Store.Stored), Is.EqualTo((new List<object>(), (StoredAdminSession?)null)));
    }

    [Test]
    public void A_token_the_API_refuses_ends_the_session()
    {
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ =>
            throw FakeApiClient.Error(HttpStatusCode.Unauthorized, "Token has been revoked"));
        Api.On<GetAdminStats, AdminStatsResponse>(_ => throw FakeApiClient.Error(HttpStatusCode.Unauthorized, "Token has been revoked"));

        Context.Render<Dashboard>();

        Assert.That(Navigation.Uri, Is.EqualTo("http://localhost/login?returnUrl=%2F&expired=true"));
        Assert.That((Store.Stored, Api.BearerToken), Is.EqualTo(((StoredAdminSession?)null, (string?)null)));
    }

    [Test]
    public void A_kept_session_is_restored_after_a_page_refresh()
    {
        Api.On<GetAdminDashboard, AdminDashboardResponse>(_ => DashboardPageTests.Figures(total: 1));
        Api.On<GetAdminStats, AdminStatsResponse>(_ => DashboardPageTests.Stats(busy: false));

        var page = Context.Render<Dashboard>();

        Assert.That(page.Find("[data-testid=users-total]").TextContent, Is.EqualTo("1"));
        Assert.That(Api.BearerToken, Is.EqualTo("admin-token"));
    }
}
