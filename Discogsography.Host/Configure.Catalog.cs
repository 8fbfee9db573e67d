using Discogsography.ServiceInterface.Catalog;
using Discogsography.ServiceInterface.Catalog.Discovery;

namespace Discogsography.Host;

/// <summary>The catalogue graph store and the autocomplete cache.</summary>
internal static class ConfigureCatalog
{
    public static void AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<IGraphStore, PostgresGraphStore>();
        services.AddSingleton<CatalogVersion>();
        services.AddSingleton(new AutocompleteCache());
        services.AddSingleton<CatalogSearch>();
        services.AddSingleton<SearchCache>();
        services.AddSingleton<SearchAnswers>();
        services.AddHostedService<SearchCacheWarmer>();
        services.AddSingleton<GenreTreeCache>();
        services.AddSingleton<PathGraph>();
        services.AddSingleton<PathFinder>();
        services.AddSingleton(new PathOptions());
    }
}
