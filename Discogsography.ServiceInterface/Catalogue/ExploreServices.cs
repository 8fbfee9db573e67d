using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Catalogue;

/// <summary>
/// Autocomplete, explore, expand, node and trends (REFERENCE-API.md §4.7), with the reference's parameters,
/// messages and order of checks. Errors are <c>{"error": …}</c>; the raw <c>type</c> is echoed in them.
/// </summary>
public sealed class ExploreServices(IGraphStore graph, AutocompleteCache cache, CatalogueVersion catalogue) : Service
{
    private static readonly string[] NodeTypes = ["artist", "release", "label", "genre", "style"];

    public async Task<AutocompleteResponse> Get(Autocomplete request)
    {
        var kind = KindOrThrow(request.Type);
        var key = AutocompleteCache.KeyOf(request.Q, request.Type, request.Limit);
        var version = await catalogue.CurrentAsync(Aborted);
        if (cache.TryGet(key, version, out var cached))
            return new AutocompleteResponse { Results = [.. cached] };
        var results = await graph.AutocompleteAsync(kind, request.Q, request.Limit, Aborted);
        cache.Add(key, version, results);
        return new AutocompleteResponse { Results = [.. results] };
    }

    public async Task<ExploreResponse> Get(Explore request)
    {
        var kind = KindOrThrow(request.Type);
        return await graph.ExploreAsync(kind, request.Name, Aborted)
               ?? throw HttpError.NotFound($"{Capitalize(request.Type)} '{request.Name}' not found");
    }

    public async Task<ExpandResponse> Get(Expand request)
    {
        var kind = GraphKind.Find(request.Type) ?? throw HttpError.BadRequest($"Invalid type: {request.Type}");
        var category = kind.FindCategory(request.Category) ?? throw HttpError.BadRequest(
            $"Invalid category '{request.Category}' for type '{request.Type}'. Valid: {string.Join(", ", kind.Categories.Select(c => c.Category))}");
        var (children, total) = await graph.ExpandAsync(kind, category, request.NodeId, request.Limit, request.Offset, request.BeforeYear,
            Aborted);
        return new ExpandResponse { Children = [.. children] }.Page(request.Offset, request.Limit, children.Count, total);
    }

    public async Task<NodeDetails> Get(GetNode request)
    {
        var type = request.Type.ToLowerInvariant();
        if (!NodeTypes.Contains(type))
            throw HttpError.BadRequest($"Invalid type: {request.Type}");
        return await graph.NodeAsync(type, request.NodeId, Aborted)
               ?? throw HttpError.NotFound($"{Capitalize(request.Type)} '{request.NodeId}' not found");
    }

    public async Task<TrendsResponse> Get(GetTrends request)
    {
        var kind = KindOrThrow(request.Type);
        return new TrendsResponse { Name = request.Name, Type = kind.Name,
            Data = [.. await graph.TrendsAsync(kind, request.Name, Aborted)] };
    }

    private static GraphKind KindOrThrow(string type) =>
        GraphKind.Find(type) ?? throw HttpError.BadRequest($"Invalid type: {type}. Must be artist, genre, label, or style");

    /// <summary>Python's <c>str.capitalize()</c>: first character upper case, the rest lower case.</summary>
    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();
}
