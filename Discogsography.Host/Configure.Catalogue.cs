using Discogsography.ServiceInterface.Catalogue;
using Discogsography.ServiceInterface.Catalogue.Discovery;

namespace Discogsography.Host;

/// <summary>The catalogue graph store and the autocomplete cache.</summary>
internal static class ConfigureCatalogue
{
    public static void AddCatalogue(this IServiceCollection services)
    {
        services.AddSingleton<IGraphStore, PostgresGraphStore>();
        services.AddSingleton<CatalogueVersion>();
        services.AddSingleton(new AutocompleteCache());
        services.AddSingleton<CatalogueSearch>();
        services.AddSingleton<SearchCache>();
        services.AddSingleton<SearchAnswers>();
        services.AddHostedService<SearchCacheWarmer>();
        services.AddSingleton<GenreTreeCache>();
        services.AddSingleton<PathGraph>();
        services.AddSingleton<PathFinder>();
        services.AddSingleton(new PathOptions());
    }
}
