using System.Text.Json;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>
/// <c>GET /api/search</c> (REFERENCE-UPSTREAM.md §A.1): 422 for the parameters, 429, 400 naming every unknown type,
/// then the cache, then the query, whose answer is cached for an hour.
/// </summary>
public sealed class SearchServices(SearchAnswers answers) : Service
{
    public Task<SearchResponse> Get(Search request) => answers.GetAsync(ShapeOf(request), Aborted);

    /// <summary>The request parsed as the query runs it; 400 naming each unknown type, lowercased, in request order.</summary>
    public static SearchRequestShape ShapeOf(Search request)
    {
        var types = SearchRequestShape.ParseTypes(request.Types);
        var invalid = types.Where(t => !SearchRequestShape.AllTypes.Contains(t)).ToList();
        if (invalid.Count > 0)
            throw HttpError.BadRequest($"Invalid type(s): {string.Join(", ", invalid)}. Valid: {string.Join(", ", SearchRequestShape.AllTypes)}");
        return new SearchRequestShape(request.Q, types, SearchRequestShape.ParseGenres(request.Genres), request.YearMin, request.YearMax,
            request.Limit,
            request.Offset);
    }
}

/// <summary>Search answers from the cache, else computed and cached for an hour.</summary>
public sealed class SearchAnswers(CatalogueSearch search, SearchCache cache)
{
    public async Task<SearchResponse> GetAsync(SearchRequestShape shape, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(shape.CacheKey, cancellationToken) is { } cached && Deserialize(cached) is { } hit)
            return hit;
        var answer = await search.SearchAsync(shape, cancellationToken);
        await cache.SetAsync(shape.CacheKey, JsonSerializer.Serialize(answer, WireJson.Options), cancellationToken);
        return answer;
    }

    /// <summary>A cached answer, or null when it does not read as one (then it is computed again).</summary>
    private static SearchResponse? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SearchResponse>(json, WireJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
