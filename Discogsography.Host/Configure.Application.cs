using System.Reflection;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Health;

namespace Discogsography.Host;

/// <summary>
/// Every service of the application, registered once: <c>serve</c> adds the web pipeline on top, and the other verbs
/// (<see cref="Commands.CommandServices"/>) resolve what they need from the same registrations.
/// </summary>
internal static class ConfigureApplication
{
    public static Pipeline.OperationCatalog AddApplication(this IServiceCollection services, AppSettings settings,
        IReadOnlyList<Assembly> serviceAssemblies)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Snapshots);
        services.AddSingleton(settings.Hosting);
        services.AddSingleton(TimeProvider.System);
        services.AddDatabase(settings.Postgres);
        services.AddMigrations();
        services.AddKeyValueStore(settings.RedisUrl);
        services.AddSingleton<DependencyProbe>();
        services.AddAuthentication(settings);
        services.AddRateLimits();
        services.AddAccountSecurity(settings);
        services.AddDiscogs(settings);
        services.AddCatalogue();
        services.AddSyncJobs();
        services.AddImportJobs(settings.Imports);
        return services.AddTypedServices(serviceAssemblies);
    }
}
