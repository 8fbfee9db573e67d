using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Catalogue;

/// <summary>
/// The catalogue graph's queries, behind an interface so a Neo4j implementation could replace PostgreSQL
/// (docs/decisions/0008). Names are exact and case-sensitive; when several entities share one, the lowest id wins.
/// </summary>
public interface IGraphStore
{
    /// <summary>Identifies the live catalogue; changes with every import (caches key on it).</summary>
    Task<Guid?> CatalogueVersionAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<AutocompleteResult>> AutocompleteAsync(GraphKind kind, string query, int limit, CancellationToken cancellationToken);

    /// <summary>The entity and its category counts, or null when no entity has that name.</summary>
    Task<ExploreResponse?> ExploreAsync(GraphKind kind, string name, CancellationToken cancellationToken);

    /// <summary>
    /// One page of children and the category's total; an unknown parent has none. With <paramref name="beforeYear"/>,
    /// only releases dated up to that year count (categories that ignore it answer as without).
    /// </summary>
    Task<(IReadOnlyList<ExpandChild> Children, int Total)> ExpandAsync(GraphKind kind, GraphCategory category, string parentName,
        int limit, int offset,
        int? beforeYear, CancellationToken cancellationToken);

    /// <summary>Details by id or name (release: id or title); null when nothing matches.</summary>
    Task<NodeDetails?> NodeAsync(string type, string nodeId, CancellationToken cancellationToken);

    /// <summary>Releases per year, oldest first; empty for an unknown name.</summary>
    Task<IReadOnlyList<TrendPoint>> TrendsAsync(GraphKind kind, string name, CancellationToken cancellationToken);
}
