using Microsoft.JSInterop;

namespace Discogsography.Admin.Services;

/// <summary>Where the administrator's light/dark choice is kept between visits (the browser; a fake in component tests).</summary>
public interface IThemePreferenceStore
{
    /// <summary>True for dark, false for light, null when never chosen (then the system's preference applies).</summary>
    Task<bool?> LoadDarkModeAsync();

    Task SaveDarkModeAsync(bool dark);
}

/// <summary>The browser's local storage: the choice outlives the tab and the session, as a theme should.</summary>
public sealed class BrowserThemePreferenceStore(IJSRuntime js) : IThemePreferenceStore
{
    private const string Key = "discogsography-admin-theme";

    public async Task<bool?> LoadDarkModeAsync() => await js.InvokeAsync<string?>("localStorage.getItem", Key) switch
    {
        "dark" => true,
        "light" => false,
        _ => null,
    };

    public async Task SaveDarkModeAsync(bool dark) => await js.InvokeVoidAsync("localStorage.setItem", Key, dark ? "dark" : "light");
}
