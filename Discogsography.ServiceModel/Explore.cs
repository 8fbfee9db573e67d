using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.ServiceModel;

/// <summary>
/// Names starting with <c>q</c>, then names with a word starting with each word of <c>q</c>, then names resembling it,
/// for the search box.
/// </summary>
[Route("/api/autocomplete", "GET"), Tag(Tags.Explore), RateLimit("30/minute"), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(400, "An unknown type")]
public class Autocomplete : IReturn<AutocompleteResponse>
{
    /// <summary>At least 2 characters.</summary>
    [MinLength(2)]
    public required string Q { get; set; }

    /// <summary><c>artist</c>, <c>genre</c>, <c>label</c> or <c>style</c> (case-insensitive).</summary>
    [AllowedValues("artist", "genre", "label", "style")]
    public string Type { get; set; } = "artist";

    /// <summary>Suggestions to return.</summary>
    [Range(1, 50)]
    public int Limit { get; set; } = 10;
}

public class AutocompleteResponse
{
    /// <summary>Best first.</summary>
    public required List<AutocompleteResult> Results { get; set; }
}

public class AutocompleteResult
{
    /// <summary>The Discogs id as a string, or the name for genres and styles.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>
    /// Higher is better: name-prefix matches score above 2, word matches between 1 and 2, fuzzy matches below 1; genres
    /// and styles score 1.0.
    /// </summary>
    public double Score { get; set; }
}

/// <summary>An entity found by exact name, with the size of each category it can expand into.</summary>
[Route("/api/explore", "GET"), Tag(Tags.Explore), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(400, "An unknown type")]
[ErrorResponse(404, "No entity with this name")]
public class Explore : IReturn<ExploreResponse>
{
    /// <summary>The exact, case-sensitive name (may be empty).</summary>
    public required string Name { get; set; }

    /// <summary>The entity's type (case-insensitive).</summary>
    [AllowedValues("artist", "genre", "label", "style")]
    public string Type { get; set; } = "artist";
}

public class ExploreResponse
{
    /// <summary>The entity found.</summary>
    public required ExploreCenter Center { get; set; }

    /// <summary>What it can expand into, with sizes.</summary>
    public required List<ExploreCategory> Categories { get; set; }
}

/// <summary>The entity found.</summary>
public class ExploreCenter
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    [AllowedValues("artist", "genre", "label", "style")]
    public required string Type { get; set; }
}

public class ExploreCategory
{
    /// <summary><c>cat-&lt;category&gt;</c>.</summary>
    public required string Id { get; set; }

    /// <summary>The category's label, e.g. <c>Aliases &amp; Members</c>.</summary>
    public required string Name { get; set; }

    [AllowedValues("releases", "labels", "aliases", "artists", "genres", "styles")]
    public required string Category { get; set; }

    public int Count { get; set; }
}

/// <summary>One page of an entity's neighbours in a category.</summary>
[Route("/api/expand", "GET"), Tag(Tags.Explore), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(400, "An unknown type or category")]
public class Expand : IReturn<ExpandResponse>
{
    /// <summary>The parent entity's name.</summary>
    public required string NodeId { get; set; }

    /// <summary>The parent entity's type (case-insensitive).</summary>
    [AllowedValues("artist", "genre", "label", "style")]
    public required string Type { get; set; }

    /// <summary>What to list: `releases`, `labels` or `aliases` of an artist; `releases` or `artists` of a label;
    /// `artists`, `labels` or `styles` of a genre; `artists`, `labels` or `genres` of a style.</summary>
    [AllowedValues("releases", "labels", "aliases", "artists", "genres", "styles")]
    public required string Category { get; set; }

    /// <summary>Items per page.</summary>
    [Range(1, 200)]
    public int Limit { get; set; } = 50;

    /// <summary>Items to skip: where the page starts.</summary>
    [Range(0, int.MaxValue)]
    public int Offset { get; set; }

    /// <summary>
    /// Only releases dated up to this year (inclusive) count: release lists show only those; other children are listed
    /// only when such a release links them, with <c>release_count</c> counting only those. Aliases ignore it.
    /// </summary>
    [Range(1900, 2030), Example(1970)]
    public int? BeforeYear { get; set; }
}

public class ExpandResponse : PagedResponse
{
    /// <summary>This page of neighbours.</summary>
    public required List<ExpandChild> Children { get; set; }
}

/// <summary>
/// A neighbour: release children carry <c>year</c> (null when undated); counted children carry <c>release_count</c>.
/// </summary>
[JsonConverter(typeof(ExpandChildConverter))]
public class ExpandChild
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary><c>release</c>, <c>artist</c>, <c>label</c>, <c>genre</c> or <c>style</c>.</summary>
    [AllowedValues("release", "artist", "label", "genre", "style")]
    public required string Type { get; set; }

    /// <summary>Only for releases.</summary>
    [WireOptional(CanBeNull = true)]
    public int? Year { get; set; }

    /// <summary>Distinct releases linking the parent to this child, where the category counts them.</summary>
    [WireOptional]
    public int? ReleaseCount { get; set; }
}

/// <summary>Details of one entity; the fields present depend on its type (see <see cref="NodeDetails.NodeKind"/>).</summary>
[Route("/api/node/{node_id}", "GET"), Tag(Tags.Explore), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(400, "An unknown type")]
[ErrorResponse(404, "No such entity")]
public class GetNode : IReturn<NodeDetails>
{
    /// <summary>An id, or a name/title.</summary>
    public required string NodeId { get; set; }

    /// <summary>The entity's type (case-insensitive).</summary>
    [AllowedValues("artist", "genre", "label", "style", "release")]
    public string Type { get; set; } = "artist";
}

/// <summary>
/// artist: <c>{id, name, genres, styles, release_count, groups}</c>; release: <c>{id, name, year, artists, labels,
/// genres, styles}</c>; label: <c>{id, name, release_count}</c>; genre and style: <c>{id, name, artist_count}</c>.
/// </summary>
[JsonConverter(typeof(NodeDetailsConverter))]
public class NodeDetails
{
    /// <summary>Which shape this is (not on the wire; inferred when reading).</summary>
    [JsonIgnore]
    public string NodeKind { get; set; } = "";

    public required string Id { get; set; }

    public required string Name { get; set; }

    [WireOptional(CanBeNull = true)]
    public int? Year { get; set; }

    [WireOptional]
    public List<string>? Artists { get; set; }

    [WireOptional]
    public List<string>? Labels { get; set; }

    [WireOptional]
    public List<string>? Genres { get; set; }

    [WireOptional]
    public List<string>? Styles { get; set; }

    [WireOptional]
    public int? ReleaseCount { get; set; }

    [WireOptional]
    public List<string>? Groups { get; set; }

    [WireOptional]
    public int? ArtistCount { get; set; }
}

/// <summary>Releases per year for an entity found by exact name.</summary>
[Route("/api/trends", "GET"), Tag(Tags.Explore), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(400, "An unknown type")]
public class GetTrends : IReturn<TrendsResponse>
{
    /// <summary>The exact, case-sensitive name.</summary>
    public required string Name { get; set; }

    /// <summary>The entity's type (case-insensitive).</summary>
    [AllowedValues("artist", "genre", "label", "style")]
    public string Type { get; set; } = "artist";
}

public class TrendsResponse
{
    /// <summary>The name as sent.</summary>
    public required string Name { get; set; }

    /// <summary>The type, lowercased.</summary>
    [AllowedValues("artist", "genre", "label", "style")]
    public required string Type { get; set; }

    /// <summary>Releases per year, oldest first.</summary>
    public required List<TrendPoint> Data { get; set; }
}

public class TrendPoint
{
    public int Year { get; set; }

    public int Count { get; set; }
}
