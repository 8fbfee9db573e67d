using Discogsography.Admin.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Discogsography.Admin.Components.Layout;

/// <summary>
/// The frame of every page: app bar, a navigation drawer that is a fixed column on wide screens and a toggled overlay
/// below the medium breakpoint, and the theme, light or dark as the administrator last chose (else as the system says).
/// </summary>
public partial class MainLayout
{
    private MudThemeProvider? themeProvider;
    private bool darkMode;
    private bool drawerOpen = true;

    [Inject] public required AdminSession Session { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required IThemePreferenceStore ThemePreference { get; init; }

    protected override void OnInitialized() => Session.Changed += OnSessionChanged;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        var chosen = await ThemePreference.LoadDarkModeAsync();
        darkMode = chosen ?? (themeProvider is not null && await themeProvider.GetSystemDarkModeAsync());
        StateHasChanged();
    }

    private void ToggleDrawer() => drawerOpen = !drawerOpen;

    private async Task ToggleDarkModeAsync()
    {
        darkMode = !darkMode;
        await ThemePreference.SaveDarkModeAsync(darkMode);
    }

    private void OnSessionChanged() => InvokeAsync(StateHasChanged);

    private async Task SignOutAsync()
    {
        await Session.SignOutAsync();
        Navigation.NavigateTo("/login");
    }

    public void Dispose()
    {
        Session.Changed -= OnSessionChanged;
        GC.SuppressFinalize(this);
    }
}
