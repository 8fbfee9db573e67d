namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>Choices the build makes about the catalogue's derived tables.</summary>
/// <param name="PathHubMinimumReleases">
/// Styles, labels and artists on more releases than this are hubs to the path search (genres always are): it steps
/// through them by <c>hub_links</c> instead of listing their releases. Tests lower it to make hubs of small entities.
/// </param>
/// <param name="SearchFacetMinimumPostings">
/// Words in more names than this have their search facets counted at import (<c>graph.search_facets</c>); the others
/// are counted per query, which is cheap for them. Tests lower it to take the counted path on a small catalogue.
/// </param>
public sealed record CatalogueShape(int PathHubMinimumReleases = 1000, int SearchFacetMinimumPostings = 1000);
