using Bunit;
using Discogsography.Admin.Components.Layout;
using Microsoft.AspNetCore.Components;
using MudBlazor.Extensions;

namespace Discogsography.Tests.Component;

public sealed class MainLayoutTests : AdminComponentTest
{
    protected override bool RendersItsOwnProviders => true;

    [Test]
    public void The_dark_mode_toggle_switches_the_theme_and_remembers_the_choice()
    {
        Theme.DarkMode = false;
        var layout = RenderLayout();

        layout.Find("[data-testid=theme-toggle]").Click();

        Assert.That(Theme.DarkMode, Is.True);
        Assert.That(layout.FindComponent<MudBlazor.MudThemeProvider>().Instance.GetState(t => t.IsDarkMode), Is.True);
    }

    [Test]
    public void A_remembered_dark_choice_is_applied_on_arrival()
    {
        Theme.DarkMode = true;

        var layout = RenderLayout();

        layout.WaitForAssertion(() =>
            Assert.That(layout.FindComponent<MudBlazor.MudThemeProvider>().Instance.GetState(t => t.IsDarkMode), Is.True));
    }

    [Test]
    public async Task A_signed_in_administrator_gets_a_menu_toggle_for_the_navigation_drawer()
    {
        await Context.Services.GetRequiredService<Admin.Services.AdminSession>().EnsureRestoredAsync();
        var layout = RenderLayout();

        Assert.That(layout.Find("[data-testid=signed-in-as]").TextContent, Is.EqualTo("admin@example.com"));
        Assert.That(layout.FindAll("[data-testid=nav-toggle]"), Has.Count.EqualTo(1));
        var drawer = layout.FindComponent<MudBlazor.MudDrawer>();
        var openBefore = drawer.Instance.GetState(d => d.Open);
        layout.Find("[data-testid=nav-toggle]").Click();
        Assert.That(drawer.Instance.GetState(d => d.Open), Is.Not.EqualTo(openBefore));
        Assert.That(layout.FindAll("[data-testid^=nav-]").Select(n => n.GetAttribute("data-testid")),
            Is.SupersetOf(new[] { "nav-dashboard", "nav-users", "nav-syncs", "nav-imports", "nav-credentials", "nav-audit" }));
    }

    [Test]
    public void Without_a_session_there_is_no_navigation()
    {
        Store.Stored = null;

        var layout = RenderLayout();

        Assert.That(layout.FindAll("[data-testid=nav-toggle]"), Is.Empty);
        Assert.That(layout.FindAll("[data-testid=nav-drawer]"), Is.Empty);
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
}
