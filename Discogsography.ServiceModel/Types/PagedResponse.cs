using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel;

/// <summary>
/// A page of a longer list: how many items there are in all, where this page starts, how long pages are, and
/// whether more follow. On the wire these come after the page's items, as in the reference's answers.
/// </summary>
public abstract class PagedResponse
{
    /// <summary>Items in the whole list.</summary>
    [JsonPropertyOrder(1)]
    public int Total { get; set; }

    /// <summary>Where this page starts.</summary>
    [JsonPropertyOrder(1)]
    public int Offset { get; set; }

    /// <summary>The page length asked for.</summary>
    [JsonPropertyOrder(1)]
    public int Limit { get; set; }

    /// <summary>Whether items follow this page.</summary>
    [JsonPropertyOrder(1)]
    public bool HasMore { get; set; }
}
