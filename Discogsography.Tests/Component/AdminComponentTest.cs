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
        Store = new FakeSessionStore { Stored = new StoredAdminSession("admin@example.com", "admin-token",
            DateTimeOffset.UtcNow.AddMinutes(30)) };
        Theme = new FakeThemePreferenceStore();
        Context.Services.AddSingleton<IApiClient>(Api);
        Context.Services.AddSingleton<IAdminSessionStore>(Store);
        Context.Services.AddSingleton<IThemePreferenceStore>(Theme);
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddScoped<AdminSession>();
        Context.Services.AddSingleton(new AdminSettings { ApiBaseUrl = new Uri("http://api.test:8004"),
            LiveRefreshInterval = TimeSpan.FromMilliseconds(50) });
        Context.Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        if (!RendersItsOwnProviders)
        {
            Popovers = Context.Render<MudPopoverProvider>();
            Dialogs = Context.Render<MudDialogProvider>();
            Snackbars = Context.Render<MudSnackbarProvider>();
        }
    }

    /// <summary>True for tests of the layout, which holds the providers itself (a second set is refused).</summary>
    protected virtual bool RendersItsOwnProviders => false;

    [TearDown]
    public async Task DisposeContextAsync()
    {
        Popovers?.Dispose();
        Dialogs?.Dispose();
        Snackbars?.Dispose();
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

/// <summary>What component tests do with MudBlazor's data grid, in one place: its pager, its sort headers, its selects.</summary>
public static class GridActions
{
    /// <summary>The pager's caption, e.g. <c>1-25 of 60</c>.</summary>
    public static string PagerCaption<T>(this IRenderedComponent<T> page) where T : class, IComponent =>
        page.FindAll(".mud-table-pagination-caption").Last().TextContent.Trim();

    public static void NextPage<T>(this IRenderedComponent<T> page) where T : class, IComponent =>
        page.Find("button[aria-label='Next page']").Click();

    /// <summary>Clicks the title of the <paramref name="column"/>-th column (from 1), which sorts by it (again: reverses).</summary>
    public static void SortBy<T>(this IRenderedComponent<T> page, int column) where T : class, IComponent =>
        page.Find($"thead th:nth-child({column}) .sortable-column-header").Click();

    /// <summary>Chooses a value in the MudSelect with test id <paramref name="testId"/>, as picking it from its list does.</summary>
    public static Task Choose<T, TValue>(this IRenderedComponent<T> page, string testId, TValue value) where T : class, IComponent
    {
        var select = page.FindComponents<MudSelect<TValue>>()
            .Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));
        return page.InvokeAsync(() => select.Instance.SelectOption(value));
    }
}
