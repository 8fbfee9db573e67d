using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;

namespace Discogsography.Host;

/// <summary>The <see cref="Npgsql.NpgsqlDataSource"/>s (main, import, heartbeat pools) and every query class.</summary>
internal static class ConfigureDb
{
    public static void AddDatabase(this IServiceCollection services, PostgresSettings postgres)
    {
        services.AddSingleton(_ => PostgresDataSource.Create(postgres));
        services.AddKeyedSingleton(PostgresDataSource.Import, (_, _) => PostgresDataSource.CreateForImports(postgres));
        services.AddKeyedSingleton(PostgresDataSource.Heartbeats, (_, _) => PostgresDataSource.CreateForHeartbeats(postgres));
        AddQueries(services);
    }

    /// <summary>
    /// By convention, every <c>*Queries</c> class of ServiceInterface (one per aggregate, stateless over the data source:
    /// <c>Data/</c> for accounts and jobs, <c>Catalogue/</c> for the music) is a singleton, registered here and nowhere else:
    /// a new one needs no registration.
    /// </summary>
    private static void AddQueries(IServiceCollection services)
    {
        var queries = typeof(UserQueries).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsNested: false } && t.Name.EndsWith("Queries", StringComparison.Ordinal));
        foreach (var type in queries)
            services.AddSingleton(type);
    }
}
