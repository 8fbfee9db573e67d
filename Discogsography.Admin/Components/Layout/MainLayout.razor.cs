using Discogsography.Admin.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Discogsography.Admin.Components.Layout;

/// <summary>
/// The frame of every page: app bar, a navigation drawer that is a fixed column on wide screens and an overlay
/// opened by the menu button (and closed by choosing a page) below the medium breakpoint, and the theme, light or
/// dark as the administrator last chose (else as the system says).
/// </summary>
public partial class MainLayout : IAsyncDisposable
{
    private MudThemeProvider? themeProvider;
    private bool darkMode;
    private bool drawerOpen = true;

    // The kept session is read before the frame is drawn, so the drawer is part of the first layout, not added later.
    private bool restored;

    [Inject] public required AdminSession Session { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required IThemePreferenceStore ThemePreference { get; init; }

    [Inject] public required IBrowserViewportService Viewport { get; init; }

    protected override async Task OnInitializedAsync()
    {
        Session.Changed += OnSessionChanged;
        Navigation.LocationChanged += OnLocationChanged;
        await Session.EnsureRestoredAsync();
        restored = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        var chosen = await ThemePreference.LoadDarkModeAsync();
        darkMode = chosen ?? (themeProvider is not null && await themeProvider.GetSystemDarkModeAsync());
        StateHasChanged();
    }


    /// <summary>The drawer closes itself when the window shrinks below the breakpoint, and opens again when it grows.</summary>
    private void DrawerOpenChanged(bool open) => drawerOpen = open;

    private void ToggleDrawer() => drawerOpen = !drawerOpen;

    private async Task ToggleDarkModeAsync()
    {
        darkMode = !darkMode;
        await ThemePreference.SaveDarkModeAsync(darkMode);
    }

    private void OnSessionChanged() => InvokeAsync(StateHasChanged);

    /// <summary>
    /// On a narrow window the drawer overlays the page, so following a link closes it. The breakpoint is read now, not
    /// taken from the last resize event, which arrives late after a window shrinks.
    /// </summary>
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        if (!drawerOpen || IsWide(await Viewport.GetCurrentBreakpointAsync()))
            return;
        drawerOpen = false;
        StateHasChanged();
    });

    private static bool IsWide(Breakpoint breakpoint) => breakpoint is >= Breakpoint.Md and <= Breakpoint.Xxl;

    private async Task SignOutAsync()
    {
        await Session.SignOutAsync();
        Navigation.NavigateTo("/login");
    }

    public ValueTask DisposeAsync()
    {
        Session.Changed -= OnSessionChanged;
        Navigation.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
