using System.Net;
using System.Reflection;
using Discogsography.Host.Middleware;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Storage;

namespace Discogsography.Host;

/// <summary>What tests (and only tests) change about the host.</summary>
public sealed class ApiHostOptions
{
    /// <summary>Assemblies searched for services and validators (ServiceInterface by default).</summary>
    public IReadOnlyList<Assembly> ServiceAssemblies { get; init; } = [Discogsography.Host.ConfigureServices.ServiceAssembly];

    /// <summary>Last-word service registrations, e.g. a test <see cref="TimeProvider"/>.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}

/// <summary>Builds the API web application: settings → services → middleware → endpoints.</summary>
public static class ApiHost
{
    /// <summary>Largest request body accepted (1 MB); larger ones get a JSON 413.</summary>
    public const long MaxRequestBodyBytes = RequestSizeLimitMiddleware.MaxBytes;

    /// <summary>Builds (but does not start) the application for <paramref name="settings"/>.</summary>
    public static WebApplication Build(AppSettings settings, ApiHostOptions? options = null)
    {
        options ??= new ApiHostOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ApiHost).Assembly.GetName().Name,
            EnvironmentName = settings.Hosting.IsDevelopment ? Environments.Development : Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.AddConsoleLogging(settings.Hosting);
        builder.WebHost.ConfigureKestrel(kestrel => ListenOn(kestrel, settings.Hosting));
        var services = builder.Services;
        // Validated before anything starts: a wrong TRUSTED_PROXIES stops startup with one line.
        ConfigureForwardedHeaders.OptionsFor(settings.Hosting.TrustedProxies);
        var operationCatalog = services.AddApplication(settings, options.ServiceAssemblies);
        services.AddOpenApiDocument();
        options.ConfigureServices?.Invoke(services);
        var app = builder.Build();
        // Resolved now so the store's startup log line (Redis, or the in-memory warning) is written at startup.
        app.Services.GetRequiredService<IKeyValueStore>();
        UsePipeline(app, settings, operationCatalog);
        return app;
    }

    private static void ListenOn(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, HostingSettings hosting)
    {
        var address = IPAddress.Parse(hosting.BindAddress);
        kestrel.Listen(address, hosting.ApiPort);
        kestrel.Listen(address, hosting.HealthPort);
        kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        kestrel.AddServerHeader = false;
    }

    /// <summary>
    /// Outermost first: the client address from trusted proxies, security headers (so every response has them), the
    /// health port, CORS (preflights answered before routing), the check that error statuses are documented, the error
    /// mapper, the body-size gate, JSON bodies for
    /// framework 404/405s, routing.
    /// </summary>
    private static void UsePipeline(WebApplication app, AppSettings settings, Pipeline.OperationCatalog operationCatalog)
    {
        app.UseTrustedForwardedHeaders(settings.Hosting.TrustedProxies);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseHealthPort(settings.Hosting.HealthPort);
        app.UseCorsOrigins(settings.Hosting.CorsOrigins);
        app.UseMiddleware<UndocumentedStatusMonitor>(operationCatalog);
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseMiddleware<FrameworkStatusMiddleware>();
        app.UseRouting();
        app.MapOperations(operationCatalog);
        app.MapOpenApiDocument();
        app.MapTypeScriptDtos();
    }
}
