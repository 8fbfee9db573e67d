using Dapper;
using Discogsography.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Discogsography.Tests.Browser;

/// <summary>
/// Deployed as ./run.sh deploys them (the API trusting the Admin's loopback address, the Admin trusting its reverse
/// proxy), the operator's own address and browser reach the API through the dashboard, and the dashboard's pages
/// carry the security headers and a Content-Security-Policy that Blazor runs under without a single violation.
/// </summary>
public sealed class AdminForwardingBrowserTests
{
    private const string AdminEmail = "admin@example.com";
    private const string OperatorAddress = "203.0.113.7";
    private const string OperatorBrowser = "OperatorBrowser/1.0 (forwarding test)";

    [Test]
    public async Task Sessions_and_the_audit_log_record_the_operators_address_and_browser_not_the_dashboards()
    {
        await SharedState.ResetAsync();
        await Accounts.CreateDirectlyAsync(AdminEmail, isAdmin: true);
        var settings = TestServers.Host.SettingsOnFreshPorts();
        await using var api = await TestHost.StartAsync(settings with { Hosting = settings.Hosting with { TrustedProxies = ["127.0.0.1"] } });
        await using var admin = await AdminProcess.StartAsync(api.ApiUrl,
            new Dictionary<string, string> { ["TRUSTED_PROXIES"] = "127.0.0.1" });
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            UserAgent = OperatorBrowser,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = OperatorAddress },
        });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);

        var response = await page.GotoAsync(admin.Url.ToString());
        await page.GetByTestId("login-email").FillAsync(AdminEmail);
        await page.GetByTestId("login-password").FillAsync(Accounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(AdminEmail);
        await page.GetByTestId("nav-users").ClickAsync();
        await Assertions.Expect(page.GetByTestId("users-grid")).ToContainTextAsync(AdminEmail);

        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var session = await connection.QuerySingleAsync<(string Ip, string UserAgent)>(
            "SELECT ip, user_agent FROM auth_sessions ORDER BY created_at DESC LIMIT 1");
        var audited = await connection.QuerySingleAsync<(string Ip, string UserAgent)>(
            "SELECT ip, user_agent FROM audit_log WHERE action = 'login_success' ORDER BY id DESC LIMIT 1");
        Assert.That(session, Is.EqualTo((OperatorAddress, OperatorBrowser)));
        Assert.That(audited, Is.EqualTo((OperatorAddress, OperatorBrowser)));
        var headers = await response!.AllHeadersAsync();
        Assert.That(headers["content-security-policy"],
            Does.StartWith("default-src 'self'").And.Contain("script-src 'self';").And.Contain("frame-ancestors 'none'"));
        Assert.That((headers["x-content-type-options"], headers["x-frame-options"]), Is.EqualTo(("nosniff", "DENY")));
        Assert.That(problems, Is.Empty, "no Content-Security-Policy violation or other error in the console");
    }
}
