using Discogsography.ServiceInterface.Catalog;

namespace Discogsography.Host;

/// <summary>The catalogue graph store and the autocomplete cache.</summary>
internal static class ConfigureCatalog
{
    public static void AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<IGraphStore, PostgresGraphStore>();
        services.AddSingleton<CatalogVersion>();
        services.AddSingleton(new AutocompleteCache());
    }
}
