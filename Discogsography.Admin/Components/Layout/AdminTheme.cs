using MudBlazor;

namespace Discogsography.Admin.Components.Layout;

/// <summary>
/// The dashboard's look: a deep indigo and a warm amber (record sleeve and label), system fonts (nothing is fetched
/// from a font CDN), and a dark palette tuned for long sessions.
/// </summary>
public static class AdminTheme
{
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial",
        "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f3d9e",
            Secondary = "#c77d12",
            Tertiary = "#1e8a7a",
            AppbarBackground = "#26245f",
            AppbarText = "#ffffff",
            Background = "#f6f6fb",
            DrawerBackground = "#ffffff",
            DrawerText = "#2b2b3a",
            DrawerIcon = "#3f3d9e",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9d9bff",
            Secondary = "#f2b04d",
            Tertiary = "#4fd1bd",
            AppbarBackground = "#17162e",
            Background = "#121220",
            Surface = "#1c1b30",
            DrawerBackground = "#17162e",
            DrawerText = "#d9d8ef",
            DrawerIcon = "#9d9bff",
            TextPrimary = "#e6e5f5",
            TextSecondary = "#a9a8c4",
            TableLines = "#2e2d48",
            LinesDefault = "#2e2d48",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H4 = new H4Typography { FontSize = "1.75rem", FontWeight = "500" },
            H5 = new H5Typography { FontSize = "1.35rem", FontWeight = "500" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "232px" },
    };
}
