using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel;

/// <summary>Full-text search over artists, labels, masters and releases, ranked, filtered, faceted (REFERENCE-UPSTREAM.md §A.1).</summary>
[Route("/api/search", "GET"), Tag(Tags.Explore), RateLimit("30/minute"), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(400, "An unknown type in `types`")]
public class Search : IReturn<SearchResponse>
{
    /// <summary>At least 3 characters; words are matched by their English stems (stop words alone match nothing).</summary>
    [MinLength(3), Example("miles davis")]
    public required string Q { get; set; }

    /// <summary>Comma-separated subset of <c>artist,label,master,release</c> (case-insensitive; empty means all four).</summary>
    [Example("artist,release")]
    public string Types { get; set; } = "artist,label,master,release";

    /// <summary>Comma-separated genre names (case-sensitive): releases must carry at least one of them.</summary>
    [Example("Jazz")]
    public string Genres { get; set; } = "";

    /// <summary>Releases and masters from this year on (undated ones, artists and labels always pass).</summary>
    [Range(1000, 9999), Example(1950)]
    public int? YearMin { get; set; }

    /// <summary>Releases and masters up to this year.</summary>
    [Range(1000, 9999), Example(1979)]
    public int? YearMax { get; set; }

    /// <summary>Items per page.</summary>
    [Range(1, 100)]
    public int Limit { get; set; } = 20;

    /// <summary>Items to skip: where the page starts.</summary>
    [Range(0, int.MaxValue)]
    public int Offset { get; set; }
}

public class SearchResponse
{
    /// <summary>The query as sent.</summary>
    public required string Query { get; set; }

    /// <summary>Matches of the requested types that pass the filters.</summary>
    public int Total { get; set; }

    /// <summary>Counts per type, genre and decade over every match.</summary>
    public required SearchFacets Facets { get; set; }

    /// <summary>This page of matches, best first.</summary>
    public required List<SearchResult> Results { get; set; }

    /// <summary>Where this page is.</summary>
    public required SearchPagination Pagination { get; set; }
}

/// <summary>Counts over every match (not only this page): per type, genre and decade.</summary>
public class SearchFacets
{
    /// <summary>Matches per requested type, in request order (filters not applied).</summary>
    public required Dictionary<string, int> Type { get; set; }

    /// <summary>The 20 genres most common among matching releases, most first, then by name.</summary>
    public required Dictionary<string, int> Genre { get; set; }

    /// <summary>Matching masters and releases per decade (<c>1990s</c>), oldest first.</summary>
    public required Dictionary<string, int> Decade { get; set; }
}

public class SearchResult
{
    [AllowedValues("artist", "label", "master", "release")]
    public required string Type { get; set; }

    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The name, HTML-escaped, with the matched words in <c>&lt;b&gt;</c>…<c>&lt;/b&gt;</c>.</summary>
    public required string Highlight { get; set; }

    /// <summary><c>ts_rank</c> rounded to 4 places.</summary>
    public double Relevance { get; set; }

    public required SearchMetadata Metadata { get; set; }
}

/// <summary>Present only where known: masters' and releases' year, releases' genres.</summary>
public class SearchMetadata
{
    [WireOptional, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Year { get; set; }

    [WireOptional, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Genres { get; set; }
}

/// <summary>Where this page of results is.</summary>
public class SearchPagination
{
    public int Limit { get; set; }

    public int Offset { get; set; }

    public bool HasMore { get; set; }
}

/// <summary>One shortest undirected path between two named entities (REFERENCE-UPSTREAM.md §A.2).</summary>
[Route("/api/path", "GET"), Tag(Tags.Explore), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(400, "An unknown entity type")]
[ErrorResponse(404, "No entity with one of the names")]
[ErrorResponse(504, "The search ran out of time")]
public class FindPath : IReturn<PathResponse>
{
    /// <summary>The exact, case-sensitive name of the start.</summary>
    [Example("Miles Davis")]
    public required string FromName { get; set; }

    /// <summary><c>artist</c>, <c>genre</c>, <c>label</c> or <c>style</c> (case-insensitive).</summary>
    [AllowedValues("artist", "genre", "label", "style")]
    public string FromType { get; set; } = "artist";

    /// <summary>The exact, case-sensitive name of the end.</summary>
    [Example("John Coltrane")]
    public required string ToName { get; set; }

    /// <summary>`artist`, `genre`, `label` or `style` (case-insensitive).</summary>
    [AllowedValues("artist", "genre", "label", "style")]
    public string ToType { get; set; } = "artist";

    /// <summary>The longest path looked for, in relationships.</summary>
    [Range(1, 10)]
    public int MaxDepth { get; set; } = 6;
}

public class PathResponse
{
    /// <summary>Whether a path exists within `max_depth`.</summary>
    public bool Found { get; set; }

    /// <summary>Relationships on the path; null when none was found.</summary>
    public int? Length { get; set; }

    /// <summary>From the start to the end.</summary>
    public required List<PathNode> Path { get; set; }
}

public class PathNode
{
    /// <summary>The Discogs id, or the name of a genre or style.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    [AllowedValues("artist", "label", "genre", "style", "release", "master")]
    public required string Type { get; set; }

    /// <summary>The relationship from the previous node (<c>BY</c>, <c>ON</c>, <c>IS</c>, <c>ALIAS_OF</c>,
    /// <c>MEMBER_OF</c>, <c>DERIVED_FROM</c>); null for the first.</summary>
    public string? Rel { get; set; }
}

/// <summary>Genres with the styles that appear on their releases, by release count (REFERENCE-UPSTREAM.md §A.3).</summary>
[Route("/api/genre-tree", "GET"), Tag(Tags.Explore), RateLimit("30/minute"), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(504, "The query ran out of time")]
public class GetGenreTree : IReturn<GenreTreeResponse>;

public class GenreTreeResponse
{
    /// <summary>Every genre with its styles.</summary>
    public required List<GenreTreeGenre> Genres { get; set; }
}

public class GenreTreeGenre
{
    public required string Name { get; set; }

    public int ReleaseCount { get; set; }

    public required List<GenreTreeStyle> Styles { get; set; }
}

public class GenreTreeStyle
{
    public required string Name { get; set; }

    /// <summary>Releases carrying both the genre and the style.</summary>
    public int ReleaseCount { get; set; }
}

/// <summary>The oldest and newest release years, clamped into 1900..2030 (REFERENCE-UPSTREAM.md §A.4).</summary>
[Route("/api/explore/year-range", "GET"), Tag(Tags.Explore), ErrorBody(ErrorBodyStyle.Error)]
public class GetYearRange : IReturn<YearRangeResponse>;

public class YearRangeResponse
{
    /// <summary>The earliest release year, null for an empty catalogue.</summary>
    public int? MinYear { get; set; }

    /// <summary>The latest release year.</summary>
    public int? MaxYear { get; set; }
}

/// <summary>Genres and styles whose first dated release is no later than a year (REFERENCE-UPSTREAM.md §A.5).</summary>
[Route("/api/explore/genre-emergence", "GET"), Tag(Tags.Explore), ErrorBody(ErrorBodyStyle.Error)]
public class GetGenreEmergence : IReturn<GenreEmergenceResponse>
{
    /// <summary>Only genres and styles that first appeared up to this year.</summary>
    [Range(1900, 2030), Example(1960)]
    public required int BeforeYear { get; set; }
}

public class GenreEmergenceResponse
{
    /// <summary>Genres by the year they first appear, oldest first.</summary>
    public required List<EmergedTag> Genres { get; set; }

    /// <summary>Styles by the year they first appear, oldest first.</summary>
    public required List<EmergedTag> Styles { get; set; }
}

public class EmergedTag
{
    public required string Name { get; set; }

    public int FirstYear { get; set; }
}

/// <summary>Artists credited on the same dated releases as an artist, with counts per year (REFERENCE-UPSTREAM.md §A.6).</summary>
[Route("/api/collaborators/{artist_id}", "GET"), Tag(Tags.Explore), RateLimit("30/minute"), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(404, "No such artist")]
[ErrorResponse(504, "The query ran out of time")]
public class GetCollaborators : IReturn<CollaboratorsResponse>
{
    /// <summary>The artist's Discogs id.</summary>
    [Example("23755")]
    public required string ArtistId { get; set; }

    /// <summary>Collaborators to return, most shared releases first.</summary>
    [Range(1, 100)]
    public int Limit { get; set; } = 20;
}

public class CollaboratorsResponse
{
    /// <summary>The artist asked about.</summary>
    public required string ArtistId { get; set; }

    /// <summary>Its name.</summary>
    public string? ArtistName { get; set; }

    /// <summary>Most shared releases first, then by artist id.</summary>
    public required List<Collaborator> Collaborators { get; set; }

    /// <summary>Every collaborator, not only those listed.</summary>
    public int Total { get; set; }
}

public class Collaborator
{
    public required string ArtistId { get; set; }

    public string? ArtistName { get; set; }

    public int ReleaseCount { get; set; }

    public int FirstYear { get; set; }

    public int LastYear { get; set; }

    public required List<YearCount> YearlyCounts { get; set; }
}

public class YearCount
{
    public int Year { get; set; }

    public int Count { get; set; }
}

/// <summary>How many entities of each kind the catalogue holds, stubs included (REFERENCE-UPSTREAM.md §A.7).</summary>
[Route("/api/graph/stats", "GET"), Tag(Tags.Explore), ErrorBody(ErrorBodyStyle.Error)]
public class GetGraphStats : IReturn<GraphStatsResponse>;

public class GraphStatsResponse
{
    /// <summary>Artists, labels, releases, masters, genres and styles together.</summary>
    public long TotalEntities { get; set; }

    /// <summary>Entities per kind.</summary>
    public required GraphCounts Counts { get; set; }
}

/// <summary>Entities per kind.</summary>
public class GraphCounts
{
    public long Artists { get; set; }

    public long Labels { get; set; }

    public long Releases { get; set; }

    public long Masters { get; set; }

    public long Genres { get; set; }

    public long Styles { get; set; }
}
