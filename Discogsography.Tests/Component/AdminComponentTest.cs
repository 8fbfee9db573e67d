using Bunit;
using Discogsography.Admin;
using Discogsography.Admin.Services;
using Discogsography.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace Discogsography.Tests.Component;

/// <summary>A session store in memory, as the browser tab would keep it.</summary>
public sealed class FakeSessionStore : IAdminSessionStore
{
    public StoredAdminSession? Stored { get; set; }

    public Task<StoredAdminSession?> LoadAsync() => Task.FromResult(Stored);

    public Task SaveAsync(StoredAdminSession session)
    {
        Stored = session;
        return Task.CompletedTask;
    }

    public Task ClearAsync()
    {
        Stored = null;
        return Task.CompletedTask;
    }
}

/// <summary>The theme choice in memory, as the browser's local storage would keep it.</summary>
public sealed class FakeThemePreferenceStore : IThemePreferenceStore
{
    public bool? DarkMode { get; set; }

    public Task<bool?> LoadDarkModeAsync() => Task.FromResult(DarkMode);

    public Task SaveDarkModeAsync(bool dark)
    {
        DarkMode = dark;
        return Task.CompletedTask;
    }
}

/// <summary>
/// Base of the Admin's component tests (bUnit): a fake API, a signed-in administrator in the session store,
/// MudBlazor with its popover, dialog and snackbar providers rendered beside the page, and live refreshes every 50 ms.
/// </summary>
public abstract class AdminComponentTest
{
    protected BunitContext Context { get; private set; } = null!;

    protected FakeApiClient Api { get; private set; } = null!;

    protected FakeSessionStore Store { get; private set; } = null!;

    protected FakeThemePreferenceStore Theme { get; private set; } = null!;

    /// <summary>Where confirmation dialogs open.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = null!;

    /// <summary>Where outcome notices appear.</summary>
    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = null!;

    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;

    protected NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    [SetUp]
    public void CreateContext()
    {
        Context = new BunitContext();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Api = new FakeApiClient();
        Store = new FakeSessionStore { Stored = new StoredAdminSession("admin@example.com", "admin-token", DateTimeOffset.UtcNow.AddMinutes(30)) };
        Theme = new FakeThemePreferenceStore();
        Context.Services.AddSingleton<IApiClient>(Api);
        Context.Services.AddSingleton<IAdminSessionStore>(Store);
        Context.Services.AddSingleton<IThemePreferenceStore>(Theme);
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddScoped<AdminSession>();
        Context.Services.AddSingleton(new AdminSettings { ApiBaseUrl = new Uri("http://api.test:8004"), LiveRefreshInterval = TimeSpan.FromMilliseconds(50) });
        Context.Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        Popovers = Context.Render<MudPopoverProvider>();
        Dialogs = Context.Render<MudDialogProvider>();
        Snackbars = Context.Render<MudSnackbarProvider>();
    }

    [TearDown]
    public async Task DisposeContextAsync()
    {
        Popovers.Dispose();
        Dialogs.Dispose();
        Snackbars.Dispose();
        await Context.DisposeAsync();
    }

    /// <summary>Answers the open confirmation dialog: yes or no.</summary>
    protected void Answer(bool confirm)
    {
        Dialogs.WaitForElement("[data-testid=confirm-dialog]", TimeSpan.FromSeconds(2));
        Dialogs.Find(confirm ? "[data-testid=confirm-ok]" : "[data-testid=confirm-cancel]").Click();
    }

    /// <summary>The text of the notices shown so far.</summary>
    protected IReadOnlyList<string> Notices() => [.. Snackbars.FindAll("[data-testid=notice]").Select(n => n.TextContent)];
}
