using Discogsography.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Discogsography.Tests.Browser;

/// <summary>The Admin app in a real browser: the Blazor script workaround must give a live circuit.</summary>
public sealed class AdminShellBrowserTests
{
    private AdminProcess admin = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        admin = await AdminProcess.StartAsync(TestServers.Host.ApiUrl);
        (playwright, browser) = await BrowserSession.LaunchAsync();
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

    [Test]
    public async Task The_dashboard_loads_connects_its_circuit_and_answers_a_click()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"{response.Status} {response.Url}"); };

        await page.GotoAsync(admin.Url.ToString());
        await Assertions.Expect(page.GetByTestId("api-status")).ToContainTextAsync("API healthy");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        var before = await page.GetByTestId("api-status").TextContentAsync();
        await Task.Delay(1100);
        await page.GetByTestId("check-again").ClickAsync();

        await Assertions.Expect(page.GetByTestId("api-status")).Not.ToHaveTextAsync(before!, new() { Timeout = 10_000 });
        Assert.That(errors, Is.Empty);
        await page.CloseAsync();
    }
}
