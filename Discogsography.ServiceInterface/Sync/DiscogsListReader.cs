using System.Globalization;
using System.Net;
using System.Text.Json;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Discogs;

namespace Discogsography.ServiceInterface.Sync;

/// <summary>
/// One page of a list: the items it could use, how many entries it held (usable or not), how many pages and items
/// Discogs says the whole list has, and its rate-limit budget.
/// </summary>
public sealed record DiscogsPage<T>(IReadOnlyList<T> Items, int Listed, int Pages, int? TotalItems, int? RateLimitRemaining);

/// <summary>
/// Reads a user's collection and wantlist page by page through <see cref="DiscogsClient"/> (so 429s and 5xx are
/// retried with backoff, honouring <c>Retry-After</c>). Whatever Discogs still refuses after that fails the sync
/// with a message naming the list, the page and the HTTP status; the body is never quoted.
/// </summary>
public sealed class DiscogsListReader(DiscogsClient discogs, DiscogsRetryOptions retries)
{
    public const int PageSize = 100;

    /// <summary>Page <paramref name="page"/> of the collection's "All" folder, newest additions first.</summary>
    public Task<DiscogsPage<CollectionRow>> CollectionPageAsync(string username, int page, DiscogsAuth auth,
        CancellationToken cancellationToken) =>
        ReadAsync($"/users/{Uri.EscapeDataString(username)}/collection/folders/0/releases?page={page}&per_page={PageSize}&sort=added&sort_order=desc",
            "collection", page, "releases", CollectionEntry, auth, cancellationToken);

    /// <summary>Page <paramref name="page"/> of the wantlist.</summary>
    public Task<DiscogsPage<WantlistRow>> WantlistPageAsync(string username, int page, DiscogsAuth auth,
        CancellationToken cancellationToken) =>
        ReadAsync($"/users/{Uri.EscapeDataString(username)}/wants?page={page}&per_page={PageSize}",
            "wantlist", page, "wants", WantEntry, auth, cancellationToken);

    private async Task<DiscogsPage<T>> ReadAsync<T>(string pathAndQuery, string list, int page, string itemsMember,
        Func<JsonElement, T?> parse, DiscogsAuth auth, CancellationToken cancellationToken) where T : class
    {
        using var response = await discogs.SendAsync(HttpMethod.Get, pathAndQuery, auth, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new SyncFailedException(Refusal(response.StatusCode, list, page));
        using var json = await ParseAsync(response, list, page, cancellationToken);
        var root = json.RootElement;
        var entries = root.TryGetProperty(itemsMember, out var array)
            && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : [];
        var pagination = Member(root, "pagination") ?? default;
        return new DiscogsPage<T>(entries.Select(parse).OfType<T>().ToList(), entries.Count, Int(pagination, "pages") ?? 1,
            Int(pagination, "items"), RateLimitRemaining(response));
    }

    private string Refusal(HttpStatusCode status, string list, int page)
    {
        var code = (int)status;
        return code switch
        {
            401 or 403 => $"Discogs refused the stored credentials (HTTP {code}) for the {list}; reconnect Discogs",
            404 => $"Discogs has no {list} for this user (HTTP 404); reconnect Discogs if the username changed",
            429 => $"Discogs kept rate-limiting the {list} page {page} (HTTP 429) after {retries.MaxRetries} retries",
            >= 500 => $"Discogs failed on the {list} page {page} (HTTP {code}) after {retries.MaxRetries + 1} attempts",
            _ => $"Discogs answered HTTP {code} for the {list} page {page}",
        };
    }

    private static async Task<JsonDocument> ParseAsync(HttpResponseMessage response, string list, int page,
        CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken),
                cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                return document;
            document.Dispose();
        }
        catch (JsonException)
        {
        }
        throw new SyncFailedException($"Discogs sent an unreadable {list} page {page} (not a JSON object)");
    }

    /// <summary>The release id of a collection item is <c>basic_information.id</c>; items without one are skipped (§7.2).</summary>
    private static CollectionRow? CollectionEntry(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("basic_information", out var info)
            || Long(info, "id") is not > 0)
            return null;
        return new CollectionRow(Long(info, "id")!.Value, Long(item, "instance_id"), Int(item, "folder_id"), Text(info, "title"),
            FirstName(info, "artists"), Int(info, "year"), FirstName(info, "formats"), FirstName(info, "labels"), Int(item, "rating") ?? 0,
            Date(item, "date_added"));
    }

    /// <summary>The release id of a want is the item's own <c>id</c>, not <c>basic_information.id</c> (§7.3).</summary>
    private static WantlistRow? WantEntry(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || Long(item, "id") is not > 0)
            return null;
        var info = item.TryGetProperty("basic_information", out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
        return new WantlistRow(Long(item, "id")!.Value, Text(info, "title"), FirstName(info, "artists"), Int(info, "year"),
            FirstName(info, "formats"), Int(item, "rating") ?? 0, Text(item, "notes"), Date(item, "date_added"));
    }

    private static int? RateLimitRemaining(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Discogs-Ratelimit-Remaining", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining) ? remaining : null;

    private static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind != JsonValueKind.Null ? value : null;

    private static long? Long(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    private static int? Int(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    private static string? Text(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static DateTimeOffset? Date(JsonElement element, string name) =>
        DateTimeOffset.TryParse(Text(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date : null;

    /// <summary>The <c>name</c> of the first element of an array member (the first credited artist, label or format).</summary>
    private static string? FirstName(JsonElement element, string arrayName) =>
        Member(element, arrayName) is { ValueKind: JsonValueKind.Array } array
            && array.GetArrayLength() > 0 ? Text(array[0], "name") : null;
}
