using System.Net;
using Discogsography.Admin.Components;
using Discogsography.Admin.Services;
using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor;
using MudBlazor.Services;

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
        ConfigureLogging(builder.Logging, settings);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(settings.BindAddress), settings.Port));
        // Serve wwwroot, MudBlazor's assets and the framework's blazor.web.js from the build output in every
        // environment (not only Development); a published app has no static-web-assets manifest and this does nothing there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddSingleton(settings);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(config => config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(ApiClient.HttpClientName, http =>
        {
            http.BaseAddress = settings.ApiBaseUrl;
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        // Scoped = one per circuit: each signed-in admin has their own client (and token) and session.
        builder.Services.AddScoped<IApiClient>(sp =>
            new ApiClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(ApiClient.HttpClientName)));
        builder.Services.AddScoped<IAdminSessionStore, BrowserSessionStore>();
        builder.Services.AddScoped<IThemePreferenceStore, BrowserThemePreferenceStore>();
        builder.Services.AddScoped<AdminSession>();
        var forwarded = ForwardedHeadersFor(settings.TrustedProxies);
        var app = builder.Build();
        if (forwarded is not null)
            app.UseForwardedHeaders(forwarded);
        app.UseAdminSecurityHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Believes X-Forwarded-For only from the configured proxies (none by default, not even loopback).</summary>
    private static ForwardedHeadersOptions? ForwardedHeadersFor(IReadOnlyList<string> trustedProxies)
    {
        if (trustedProxies.Count == 0)
            return null;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = null };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in trustedProxies)
        {
            var cidr = entry.Contains('/') ? entry : entry + (entry.Contains(':') ? "/128" : "/32");
            if (System.Net.IPNetwork.TryParse(cidr, out var network))
                options.KnownIPNetworks.Add(network);
            else
                throw new ArgumentException($"TRUSTED_PROXIES: '{entry}' is neither an IP address nor a CIDR network");
        }
        return options;
    }

    /// <summary>Timestamped lines like the API's: simple in development, JSON otherwise; no per-request framework noise.</summary>
    private static void ConfigureLogging(ILoggingBuilder logging, AdminSettings settings)
    {
        logging.ClearProviders();
        if (settings.IsDevelopment)
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        else
            logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
        // Per-request framework logs would print every API call (and its URL) at Information.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
    }
}
