using System.Globalization;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Collection;

/// <summary>
/// The personalized endpoints (REFERENCE-API.md §4.9, §8) over the synced tables and the catalogue. Revoked tokens,
/// and tokens whose subject is not a user id, are refused like on every authenticated route.
/// </summary>
public sealed class CollectionServices(UserCollectionQueries queries) : Service
{
    public const int MaxStatusIds = 100;

    public async Task<QueryCollectionResponse> Get(QueryCollection request)
    {
        var (items, total) = await queries.CollectionPageAsync(Caller.UserId, request.Offset, request.Limit, Aborted);
        return new QueryCollectionResponse { Releases = [.. items] }.Page(request.Offset, request.Limit, items.Count, total);
    }

    public async Task<QueryWantlistResponse> Get(QueryWantlist request)
    {
        var (items, total) = await queries.WantlistPageAsync(Caller.UserId, request.Offset, request.Limit, Aborted);
        return new QueryWantlistResponse { Releases = [.. items] }.Page(request.Offset, request.Limit, items.Count, total);
    }

    public async Task<GetRecommendationsResponse> Get(GetRecommendations request)
    {
        var recommendations = await queries.RecommendationsAsync(Caller.UserId, request.Limit, Aborted);
        return new GetRecommendationsResponse { Recommendations = [.. recommendations], Total = recommendations.Count };
    }

    public Task<GetCollectionStatsResponse> Get(GetCollectionStats request) => queries.StatsAsync(Caller.UserId, Aborted);

    /// <summary>
    /// Ids split on commas, trimmed, empties dropped; none left is an empty answer, more than 100 (duplicates counted)
    /// a 422; anonymous callers get all false. Keys keep the order asked, duplicates collapsed.
    /// </summary>
    public async Task<GetUserStatusResponse> Get(GetUserStatus request)
    {
        var ids = request.Ids.Split(',').Select(id => id.Trim()).Where(id => id.Length > 0).ToList();
        if (ids.Count == 0)
            return new GetUserStatusResponse { Status = [] };
        if (ids.Count > MaxStatusIds)
            throw HttpError.UnprocessableEntity($"Too many IDs: maximum is {MaxStatusIds}");
        var owned = Context.User?.UserId is { } userId ? await OwnershipAsync(userId, ids) : [];
        var status = new Dictionary<string, ReleaseOwnership>();
        foreach (var id in ids)
            status.TryAdd(id, owned.GetValueOrDefault(id) ?? new ReleaseOwnership());
        return new GetUserStatusResponse { Status = status };
    }

    private async Task<Dictionary<string, ReleaseOwnership>> OwnershipAsync(Guid userId, IEnumerable<string> ids)
    {
        var numeric = ids.Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
            .OfType<long>().Distinct().ToArray();
        if (numeric.Length == 0)
            return [];
        var rows = await queries.OwnershipAsync(userId, numeric, Aborted);
        return rows.ToDictionary(r => r.ReleaseId.ToString(CultureInfo.InvariantCulture),
            r => new ReleaseOwnership { InCollection = r.InCollection, InWantlist = r.InWantlist });
    }
}
