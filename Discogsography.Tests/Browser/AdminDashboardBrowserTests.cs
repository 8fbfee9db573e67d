using System.Net;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Catalogue;
using Discogsography.Tests.Integration.Sync;
using Microsoft.Playwright;

namespace Discogsography.Tests.Browser;

/// <summary>
/// The Admin in Debian's Chromium against the real Host, PostgreSQL, Redis and the fake Discogs: an administrator
/// signs in, sets the app credentials, deactivates a user, syncs that user's collection and finds it all in the audit
/// log; every page works at 700 px; light and dark. Every page is saved as a screenshot under the test output
/// folder (screenshots/).
/// </summary>
public sealed class AdminDashboardBrowserTests
{
    private const string AdminEmail = "admin@example.com";
    private const string MemberEmail = "member@example.com";
    private AdminProcess admin = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private IPage page = null!;
    private readonly List<string> browserErrors = [];
    private string screenshots = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        admin = await AdminProcess.StartAsync(TestServers.Host.ApiUrl);
        (playwright, browser) = await BrowserSession.LaunchAsync();
        screenshots = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        if (admin is not null)
            await admin.DisposeAsync();
    }

    [SetUp]
    public async Task OpenPageAsync()
    {
        await SharedState.ResetAsync();
        page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        browserErrors.Clear();
        page.PageError += (_, error) => browserErrors.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") browserErrors.Add(message.Text); };
        page.Response += (_, response) => { if (response.Status >= 400) browserErrors.Add($"{response.Status} {response.Url}"); };
    }

    [TearDown]
    public Task ClosePageAsync() => page.CloseAsync();

    [Test]
    public async Task An_administrator_manages_credentials_a_user_and_their_sync_and_finds_it_all_in_the_audit_log()
    {
        await CatalogueFixture.OracleAsync();
        await Accounts.CreateDirectlyAsync(AdminEmail, isAdmin: true);
        using var member = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(member, MemberEmail);

        await SignInAsync(AdminEmail);
        await Expect("users-total").ToHaveTextAsync("2");
        await ShootAsync("dashboard");

        await SetAppCredentialsAsync();
        await ConnectMemberToDiscogsAsync(member);
        await OpenMemberAsync();
        await DeactivateMemberAsync();
        await SyncMemberAndWatchItCompleteAsync();
        await FindTheActionsInTheAuditLogAsync();
        await RefuseAnImportFromOutsideTheImportFolderAsync();

        Assert.That(browserErrors, Is.Empty);
    }

    [Test]
    public async Task Every_page_works_in_light_and_dark_and_at_700_pixels_with_a_menu_toggle()
    {
        await CatalogueFixture.OracleAsync();
        await Accounts.CreateDirectlyAsync(AdminEmail, isAdmin: true);
        var member = await Accounts.CreateDirectlyAsync(MemberEmail);
        await SignInAsync(AdminEmail);
        var pages = new (string Nav, string Name, string Ready)[]
        {
            ("nav-dashboard", "dashboard", "users-total"), ("nav-users", "users", "users-grid"), ("nav-syncs", "sync-jobs", "sync-jobs"),
            ("nav-imports", "imports", "import-dir"), ("nav-credentials", "app-credentials", "current-credentials"),
            ("nav-audit", "audit-log", "audit-grid"),
        };

        foreach (var dark in new[] { false, true })
        {
            if (dark)
                await page.GetByTestId("theme-toggle").ClickAsync();
            foreach (var (nav, name, ready) in pages)
            {
                await page.GetByTestId(nav).ClickAsync();
                await ShowAsync(ready, $"{name}-{(dark ? "dark" : "light")}");
            }
            await page.GotoAsync(new Uri(admin.Url, $"users/{member}").ToString());
            await Expect("user-email").ToHaveTextAsync(MemberEmail);
            await Expect("sync-unavailable").ToContainTextAsync("needs a Discogs connection");
            await ShootAsync($"user-detail-{(dark ? "dark" : "light")}");
        }
        await page.ReloadAsync();
        await Expect("signed-in-as").ToHaveTextAsync(AdminEmail);
        Assert.That(await page.EvaluateAsync<string>("localStorage.getItem('discogsography-admin-theme')"), Is.EqualTo("dark"),
            "the choice is kept");

        await page.SetViewportSizeAsync(700, 900);
        await Assertions.Expect(page.GetByTestId("nav-users")).Not.ToBeInViewportAsync();
        foreach (var (nav, name, ready) in pages)
        {
            await page.GetByTestId("nav-toggle").ClickAsync();
            await Assertions.Expect(page.GetByTestId(nav)).ToBeInViewportAsync();
            await page.GetByTestId(nav).ClickAsync();
            await Assertions.Expect(page.GetByTestId(nav)).Not.ToBeInViewportAsync();
            await ShowAsync(ready, $"{name}-700px");
            Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(700),
                $"{name}: nothing runs off the side of the page at 700 px (wide grids scroll inside themselves)");
        }
        Assert.That(browserErrors, Is.Empty);
    }

    [Test]
    public async Task The_session_survives_a_page_refresh_and_ends_with_the_token()
    {
        await Accounts.CreateDirectlyAsync(AdminEmail, isAdmin: true);
        await SignInAsync(AdminEmail);
        await page.GetByTestId("nav-users").ClickAsync();
        await Expect("users-grid").ToContainTextAsync(AdminEmail);

        await page.ReloadAsync();
        await Expect("signed-in-as").ToHaveTextAsync(AdminEmail);
        await Expect("users-grid").ToContainTextAsync(AdminEmail);
        await EndAdminSessionsAsync();
        await page.GetByTestId("nav-syncs").ClickAsync();

        await Expect("session-expired").ToBeVisibleAsync();
        Assert.That(page.Url, Does.Contain("/login"));
    }

    [Test]
    public async Task An_account_without_admin_rights_is_refused_at_sign_in()
    {
        await Accounts.CreateDirectlyAsync(MemberEmail);

        await SignInAsync(MemberEmail, expectSignedIn: false);

        await Expect("login-error").ToHaveTextAsync("This account is not an administrator.");
        await ShootAsync("login-refused");
    }

    [Test]
    public async Task The_reconnect_banner_shows_when_the_dashboard_goes_away()
    {
        var own = await AdminProcess.StartAsync(TestServers.Host.ApiUrl);
        await page.GotoAsync(own.Url.ToString());
        await Expect("login-email").ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        await own.DisposeAsync();

        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToContainTextAsync("Connection to the dashboard lost");
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToHaveAttributeAsync("data-state", "retrying");
        await ShootAsync("reconnecting");
        browserErrors.Clear();
    }

    private async Task SignInAsync(string email, bool expectSignedIn = true)
    {
        await page.GotoAsync(admin.Url.ToString());
        await Expect("login-email").ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.That(await page.EvaluateAsync<string>("getComputedStyle(document.getElementById('components-reconnect-modal')).display"),
            Is.EqualTo("none"),
            "the stylesheets were served (the reconnect banner is hidden by app.css)");
        Assert.That(await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.mud-button-root')).cursor"),
            Is.EqualTo("pointer"),
            "MudBlazor's stylesheet was served from the Admin itself");
        await ShootAsync("login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Accounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        if (expectSignedIn)
            await Expect("signed-in-as").ToHaveTextAsync(email);
    }

    private async Task SetAppCredentialsAsync()
    {
        await page.GetByTestId("nav-credentials").ClickAsync();
        await Expect("masked-key").ToHaveTextAsync("(not set)");
        await page.GetByTestId("consumer-key").FillAsync(FakeDiscogs.ConsumerKey);
        await page.GetByTestId("consumer-secret").FillAsync(FakeDiscogs.ConsumerSecret);
        await page.GetByTestId("save-credentials").ClickAsync();
        await ExpectNoticeAsync("Credentials updated.");
        await Expect("masked-key").ToHaveTextAsync(ServiceInterface.Security.SecretMask.Mask(FakeDiscogs.ConsumerKey));
        await Expect("masked-secret").ToHaveTextAsync(ServiceInterface.Security.SecretMask.Mask(FakeDiscogs.ConsumerSecret));
        await ShootAsync("app-credentials");
    }

    /// <summary>The member connects through the OAuth flow, which only works with the credentials the admin just set.</summary>
    private static async Task ConnectMemberToDiscogsAsync(JsonApiClient member)
    {
        var authorize = await member.SendAsync(new AuthorizeDiscogs());
        await member.SendAsync(new VerifyDiscogs { State = authorize.State, OauthVerifier = TestServers.Discogs.Approve(authorize.State) });
        TestServers.Discogs.SetCollection(SyncScenario.Username, SyncScenario.Items(230, 5000));
        TestServers.Discogs.SetWantlist(SyncScenario.Username, SyncScenario.Items(12, 9000));
    }

    private async Task OpenMemberAsync()
    {
        await page.GetByTestId("nav-users").ClickAsync();
        await page.GetByTestId("user-search").FillAsync("member@");
        await page.GetByTestId("user-search-submit").ClickAsync();
        await Expect("users-grid").Not.ToContainTextAsync(AdminEmail);
        await ShootAsync("users");
        await page.GetByTestId("user-link").GetByText(MemberEmail).ClickAsync();
        await Expect("user-email").ToHaveTextAsync(MemberEmail);
        await Expect("discogs-connection").ToContainTextAsync("discogs_user");
    }

    private async Task DeactivateMemberAsync()
    {
        await page.GetByTestId("deactivate").ClickAsync();
        await Expect("confirm-question").ToContainTextAsync($"Deactivate {MemberEmail}?");
        await ShootAsync("confirm-dialog");
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Expect("user-active").ToHaveTextAsync("inactive");
        var login = Assert.ThrowsAsync<ApiException>(() =>
            Accounts.NewClient().SendAsync(new Login { Email = MemberEmail, Password = Accounts.Password }))!;
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a deactivated user cannot sign in");
    }

    private async Task SyncMemberAndWatchItCompleteAsync()
    {
        await page.GetByTestId("sync-now").ClickAsync();
        await ExpectNoticeAsync("Sync queued.");
        await Expect("job-status").ToHaveTextAsync("completed", new() { Timeout = 30_000 });
        await Expect("sync-progress").ToHaveTextAsync("242 items, 4 pages");
        await ShootAsync("user-detail");
        await page.GetByTestId("nav-syncs").ClickAsync();
        await Expect("sync-jobs").ToContainTextAsync(MemberEmail);
        await Expect("sync-jobs").ToContainTextAsync(AdminEmail);
        await AssertFitsItsWidthAsync("sync-jobs");
        await ShootAsync("sync-jobs");
    }

    private async Task FindTheActionsInTheAuditLogAsync()
    {
        await page.GetByTestId("nav-audit").ClickAsync();
        foreach (var action in new[] { "admin_app_credentials_set", "admin_user_deactivated", "admin_sync_triggered", "sync_completed" })
            await Expect(page.GetByTestId("audit-entry-action").GetByText(action, new() { Exact = true })).ToBeVisibleAsync();
        await AssertFitsItsWidthAsync("audit-grid");
        await ShootAsync("audit-log");
    }

    /// <summary>The Imports page answers a path outside IMPORT_DIR with the API's refusal (a real import would replace
    /// the shared catalogue).</summary>
    private async Task RefuseAnImportFromOutsideTheImportFolderAsync()
    {
        await page.GetByTestId("nav-imports").ClickAsync();
        await Expect("live-catalogue-origin").ToContainTextAsync("Imported");
        await Expect("imports-grid-empty").ToContainTextAsync("No import jobs yet");
        await page.GetByText("Files on the server").ClickAsync();
        await page.GetByTestId("import-path").FillAsync("../../etc");
        await page.GetByTestId("import-path").PressAsync("Tab");
        await page.GetByTestId("start-import-submit").ClickAsync();
        await Expect("api-error-message").ToContainTextAsync("path must be inside IMPORT_DIR");
        await ShootAsync("imports");
    }

    /// <summary>Waits for the page to show <paramref name="ready"/> and its requests to settle, then saves a screenshot.</summary>
    private async Task ShowAsync(string ready, string screenshot)
    {
        await Expect(ready).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ShootAsync(screenshot);
    }

    /// <summary>Ends the admin's sessions behind the dashboard's back, as another administrator would.</summary>
    private static async Task EndAdminSessionsAsync()
    {
        using var other = Accounts.NewClient();
        await Accounts.RegisterAdminAsync(other, "second-admin@example.com");
        await other.SendAsync(new EndAdminUserSessions { Id = await Accounts.IdOfAsync(AdminEmail) });
    }

    private ILocatorAssertions Expect(string testId) => Assertions.Expect(page.GetByTestId(testId));

    /// <summary>
    /// Closes the notices of earlier steps, which would cover the page in its picture (in use each leaves after five
    /// seconds; the test moves faster). One that leaves by itself while being closed is as good.
    /// </summary>
    private async Task CloseNoticesAsync()
    {
        var notices = page.Locator(".mud-snackbar");
        foreach (var close in await notices.Locator("button").AllAsync())
        {
            try
            {
                await close.ClickAsync(new() { Timeout = 1_000 });
            }
            catch (TimeoutException)
            {
                // It left by itself meanwhile; the count below is what matters.
            }
        }
        await Expect(notices).ToHaveCountAsync(0);
    }

    /// <summary>Asserts a grid shows all its columns without scrolling sideways (its content no wider than its box).</summary>
    private async Task AssertFitsItsWidthAsync(string testId)
    {
        var widths = await page.GetByTestId(testId).Locator(".mud-table-container")
            .EvaluateAsync<int[]>("container => [container.scrollWidth, container.clientWidth]");
        Assert.That(widths[0], Is.LessThanOrEqualTo(widths[1]), $"{testId}: every column fits at {page.ViewportSize?.Width} px");
    }

    private Task ExpectNoticeAsync(string text) =>
        Assertions.Expect(page.GetByTestId("notice").Filter(new() { HasText = text })).ToBeVisibleAsync();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task ShootAsync(string name)
    {
        await CloseNoticesAsync();
        var path = Path.Combine(screenshots, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }
}
