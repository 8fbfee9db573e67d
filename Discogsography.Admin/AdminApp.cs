using System.Net;
using Discogsography.Admin.Components;
using Discogsography.Admin.Services;
using Radzen;

namespace Discogsography.Admin;

/// <summary>Builds the Admin web application.</summary>
public static class AdminApp
{
    /// <summary>Builds (but does not start) the dashboard for <paramref name="settings"/>.</summary>
    public static WebApplication Build(AdminSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AdminApp).Assembly.GetName().Name,
            EnvironmentName = settings.IsDevelopment ? Environments.Development : Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (settings.IsDevelopment)
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        else
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        // Per-request framework logs would print every API call (and its URL) at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(settings.BindAddress), settings.Port));
        // Serve wwwroot and Radzen's assets from the build output in every environment (not only Development); a
        // published app has no static-web-assets manifest and this does nothing there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddSingleton(settings);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(ApiClient.HttpClientName, http =>
        {
            http.BaseAddress = settings.ApiBaseUrl;
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        // Scoped = one per circuit: each signed-in admin has their own client (and token) and session.
        builder.Services.AddScoped<IApiClient>(sp => new ApiClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(ApiClient.HttpClientName)));
        builder.Services.AddScoped<IAdminSessionStore, BrowserSessionStore>();
        builder.Services.AddScoped<AdminSession>();
        var app = builder.Build();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseAntiforgery();
        app.MapBlazorServerScript();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Serves the Blazor script extracted at build time (build/BlazorServerScript.targets).</summary>
    private static void MapBlazorServerScript(this WebApplication app)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "blazor-script", "blazor.web.js");
        app.MapGet("/_framework/blazor.web.js", () => File.Exists(script)
            ? Results.File(script, "text/javascript")
            : Results.Problem("blazor.web.js was not extracted at build time", statusCode: 500));
    }
}
