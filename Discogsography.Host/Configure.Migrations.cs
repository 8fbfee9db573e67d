using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Maintenance;

namespace Discogsography.Host;

/// <summary>The numbered SQL migrations embedded in ServiceInterface, applied by <c>migrate</c> and by <c>serve</c>
/// unless <c>MIGRATE_ON_STARTUP=false</c>.</summary>
internal static class ConfigureMigrations
{
    public static void AddMigrations(this IServiceCollection services)
    {
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<DatabaseUpgrade>();
    }
}
