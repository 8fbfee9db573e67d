using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;

namespace Discogsography.Host;

/// <summary>The one <see cref="Npgsql.NpgsqlDataSource"/> and the migration runner.</summary>
internal static class ConfigureDb
{
    public static void AddDatabase(this IServiceCollection services, PostgresSettings postgres)
    {
        services.AddSingleton(_ => PostgresDataSource.Create(postgres));
        services.AddSingleton<MigrationRunner>();
    }
}
