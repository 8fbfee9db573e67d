namespace Discogsography.ServiceInterface.Catalog.Import;

/// <summary>Choices the build makes about the catalogue's derived tables.</summary>
/// <param name="PathHubMinimumReleases">
/// Styles, labels and artists on more releases than this are hubs to the path search (genres always are): it steps
/// through them by <c>hub_links</c> instead of listing their releases. Tests lower it to make hubs of small entities.
/// </param>
public sealed record CatalogShape(int PathHubMinimumReleases = 1000);
