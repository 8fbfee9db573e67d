using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Discogsography.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace Discogsography.Tests.Browser;

/// <summary>
/// An administrator with two-factor authentication signs in to the dashboard in a real browser: the password, then a
/// code from the authenticator app, through a real Admin process to an API with <c>ENCRYPTION_MASTER_KEY</c>.
/// </summary>
public sealed class AdminTwoFactorBrowserTests
{
    private const string AdminEmail = "careful-admin@example.com";

    [Test]
    public async Task An_administrator_with_2fa_signs_in_with_the_password_and_then_a_code()
    {
        await SharedState.ResetAsync();
        await Accounts.CreateDirectlyAsync(AdminEmail, isAdmin: true);
        var settings = TestServers.Host.SettingsOnFreshPorts();
        await using var api = await TestHost.StartAsync(settings with { EncryptionMasterKey = ServiceInterface.Security.Fernet.GenerateKey() });
        var secret = await EnableTwoFactorAsync(api);
        await using var admin = await AdminProcess.StartAsync(api.ApiUrl);
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        await page.GotoAsync(admin.Url.ToString());
        await page.GetByTestId("login-email").FillAsync(AdminEmail);
        await page.GetByTestId("login-password").FillAsync(Accounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("second-factor-prompt")).ToContainTextAsync("6-digit code");
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(api.Clock.GetUtcNow().UtcDateTime);
        await page.GetByTestId("second-factor-code").FillAsync(code);
        await page.GetByTestId("second-factor-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(AdminEmail);
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var audited = await connection.QuerySingleAsync<string>(
            "SELECT details::text FROM audit_log WHERE action = 'login_success' ORDER BY id DESC LIMIT 1");
        Assert.That(audited, Does.Contain("\"second_factor\": \"totp\""));
    }

    /// <summary>Turns 2FA on through the API, as the administrator would in a client; the step of the confirming code passes.</summary>
    private static async Task<string> EnableTwoFactorAsync(TestHost api)
    {
        using var http = new HttpClient { BaseAddress = api.ApiUrl };
        var login = await (await http.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = Accounts.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("access_token").GetString());
        var setup = await (await http.PostAsync("/api/auth/2fa/setup", null)).Content.ReadFromJsonAsync<JsonElement>();
        var secret = setup.GetProperty("secret").GetString()!;
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(api.Clock.GetUtcNow().UtcDateTime);
        (await http.PostAsJsonAsync("/api/auth/2fa/confirm", new { code })).EnsureSuccessStatusCode();
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        return secret;
    }
}
