using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel;


/// <summary>The caller's synced collection, one row per copy, most recently added first.</summary>
[Route("/api/user/collection", "GET"), Tag(Tags.User), Authenticate(MissingCredentialsMessage = "Authentication required"),
    ErrorBody(ErrorBodyStyle.Error)]
[AppTokenScope(AppTokenScopes.CollectionRead), RateLimit("60/minute", Per = RateLimitScope.AppToken),
    RateLimit("600/hour", Per = RateLimitScope.AppToken)]
public class QueryCollection() : PagedQuery(50), IReturn<QueryCollectionResponse>;

public class QueryCollectionResponse : PagedResponse
{
    /// <summary>This page of copies.</summary>
    public required List<CollectionItem> Releases { get; set; }
}

/// <summary>The caller's synced wantlist, most recently added first.</summary>
[Route("/api/user/wantlist", "GET"), Tag(Tags.User), Authenticate(MissingCredentialsMessage = "Authentication required"),
    ErrorBody(ErrorBodyStyle.Error)]
[AppTokenScope(AppTokenScopes.CollectionRead), RateLimit("60/minute", Per = RateLimitScope.AppToken),
    RateLimit("600/hour", Per = RateLimitScope.AppToken)]
public class QueryWantlist() : PagedQuery(50), IReturn<QueryWantlistResponse>;

public class QueryWantlistResponse : PagedResponse
{
    /// <summary>This page of wanted releases.</summary>
    public required List<WantlistItem> Releases { get; set; }
}

/// <summary>A release on one of the caller's lists: catalogue title and year when the catalogue has it, Discogs' values
/// otherwise.</summary>
public abstract class ListedRelease
{
    /// <summary>The Discogs release id, as a string.</summary>
    public required string Id { get; set; }

    public string? Title { get; set; }

    public int? Year { get; set; }

    public string? Artist { get; set; }

    public string? Label { get; set; }

    public int? Rating { get; set; }

    public DateTimeOffset? DateAdded { get; set; }
}

/// <summary>A copy in the collection, with the folder it is filed in.</summary>
public class CollectionItem : ListedRelease
{
    [JsonPropertyOrder(1)]
    public int? FolderId { get; set; }
}

/// <summary>A release on the wantlist.</summary>
public class WantlistItem : ListedRelease;

/// <summary>Releases by the artists the caller collects most, that the caller neither owns nor wants.</summary>
[Route("/api/user/recommendations", "GET"), Tag(Tags.User), Authenticate(MissingCredentialsMessage = "Authentication required"),
    ErrorBody(ErrorBodyStyle.Error)]
public class GetRecommendations : IReturn<GetRecommendationsResponse>
{
    /// <summary>Recommendations to return.</summary>
    [Range(1, 100)]
    public int Limit { get; set; } = 20;
}

public class GetRecommendationsResponse
{
    /// <summary>Best first.</summary>
    public required List<Recommendation> Recommendations { get; set; }

    /// <summary>How many are returned.</summary>
    public int Total { get; set; }
}

public class Recommendation
{
    public required string Id { get; set; }

    public string? Title { get; set; }

    public int? Year { get; set; }

    public string? Artist { get; set; }

    public string? Label { get; set; }

    public required List<string> Genres { get; set; }

    /// <summary>How many of the caller's collected releases share an artist with this one.</summary>
    public int Score { get; set; }
}

/// <summary>The collection counted by genre, decade and label.</summary>
[Route("/api/user/collection/stats", "GET"), Tag(Tags.User), Authenticate(MissingCredentialsMessage = "Authentication required"),
    ErrorBody(ErrorBodyStyle.Error)]
[AppTokenScope(AppTokenScopes.CollectionRead), RateLimit("60/minute", Per = RateLimitScope.AppToken),
    RateLimit("600/hour", Per = RateLimitScope.AppToken)]
public class GetCollectionStats : IReturn<GetCollectionStatsResponse>;

public class GetCollectionStatsResponse
{
    /// <summary>Copies in the collection.</summary>
    public int Total { get; set; }

    /// <summary>The 20 biggest genres.</summary>
    public required List<NamedCount> ByGenre { get; set; }

    /// <summary>Every decade with a dated release, oldest first.</summary>
    public required List<DecadeCount> ByDecade { get; set; }

    /// <summary>The 20 biggest labels.</summary>
    public required List<NamedCount> ByLabel { get; set; }
}

public class NamedCount
{
    public required string Name { get; set; }

    public int Count { get; set; }
}

public class DecadeCount
{
    public int Decade { get; set; }

    public int Count { get; set; }
}

/// <summary>Whether the caller owns or wants each of up to 100 releases; anonymous callers get all false.</summary>
[Route("/api/user/status", "GET"), Tag(Tags.User), OptionalAuthentication, ErrorBody(ErrorBodyStyle.Error)]
public class GetUserStatus : IReturn<GetUserStatusResponse>
{
    /// <summary>Comma-separated release ids.</summary>
    public required string Ids { get; set; }
}

public class GetUserStatusResponse
{
    /// <summary>Keyed by release id, in the order asked.</summary>
    public required Dictionary<string, ReleaseOwnership> Status { get; set; }
}

public class ReleaseOwnership
{
    public bool InCollection { get; set; }

    public bool InWantlist { get; set; }
}
