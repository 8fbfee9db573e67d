using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Discogsography.Tests.Infrastructure;

/// <summary>A release in a fake user's collection or wantlist, as Discogs would list it.</summary>
public sealed record FakeListItem(
    long ReleaseId, long InstanceId, string Title, int Year, string Artist, string Label, string Format, int Rating, string DateAdded,
    int FolderId = 1, string Notes = "");

/// <summary>A request the fake keeps waiting until the test releases it.</summary>
public sealed class FakeHold
{
    private readonly TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held request has arrived.</summary>
    public Task Arrived => arrived.Task;

    /// <summary>Lets the held request (and later ones) through.</summary>
    public void Release() => released.TrySetResult();

    internal async Task WaitAsync(CancellationToken requestAborted)
    {
        arrived.TrySetResult();
        await released.Task.WaitAsync(requestAborted);
    }
}

/// <summary>
/// The fake's collection and wantlist endpoints (<c>/users/{name}/collection/folders/0/releases</c>,
/// <c>/users/{name}/wants</c>): OAuth-signed (query included) or personal-token requests, paged by <c>page</c> and
/// <c>per_page</c> like Discogs.
/// </summary>
public sealed partial class FakeDiscogs
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<FakeListItem>> collections = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<FakeListItem>> wantlists = new();
    private readonly ConcurrentDictionary<(string Path, int Page), FakeHold> holds = new();
    private readonly ConcurrentDictionary<string, string> personalTokens = new();
    private readonly ConcurrentDictionary<(string Path, int Page), int> shortPages = new();

    /// <summary>The user's collection, newest addition first.</summary>
    public void SetCollection(string username, IEnumerable<FakeListItem> items) => collections[username] = items.ToList();

    /// <summary>The user's wantlist, newest addition first.</summary>
    public void SetWantlist(string username, IEnumerable<FakeListItem> items) => wantlists[username] = items.ToList();

    /// <summary>A personal access token that authorizes as <paramref name="username"/>.</summary>
    public void AddPersonalToken(string token, string username) => personalTokens[token] = username;

    /// <summary>Holds requests for <paramref name="page"/> of <paramref name="path"/> until the test releases them.</summary>
    public FakeHold Hold(string path, int page) => holds.GetOrAdd((path, page), _ => new FakeHold());

    /// <summary>The next answer for <paramref name="page"/> of <paramref name="path"/> leaves out its last <paramref
    /// name="missing"/> items.</summary>
    public void ShortenNext(string path, int page, int missing) => shortPages[(path, page)] = missing;

    /// <summary>The collection path of <paramref name="username"/>.</summary>
    public static string CollectionPath(string username) => $"/users/{username}/collection/folders/0/releases";

    /// <summary>The wantlist path of <paramref name="username"/>.</summary>
    public static string WantlistPath(string username) => $"/users/{username}/wants";

    private void ResetLists()
    {
        collections.Clear();
        wantlists.Clear();
        foreach (var hold in holds.Values)
            hold.Release();
        holds.Clear();
        personalTokens.Clear();
        shortPages.Clear();
    }

    private async Task WaitWhileHeldAsync(HttpContext context)
    {
        if (int.TryParse(context.Request.Query["page"], CultureInfo.InvariantCulture, out var page)
            && holds.TryGetValue((context.Request.Path.Value ?? "", page), out var hold))
            await hold.WaitAsync(context.RequestAborted);
    }

    private (int, string) ListPage(HttpContext context, IReadOnlyDictionary<string, string> oauth, string path)
    {
        var match = ListRoute().Match(path);
        if (!match.Success)
            return (404, """{"message": "The requested resource was not found."}""");
        var username = Uri.UnescapeDataString(match.Groups["user"].Value);
        if (AuthorizedUsername(context, oauth) != username)
            return (401, LeakyBody);
        var isCollection = match.Groups["list"].Value.StartsWith("collection", StringComparison.Ordinal);
        var items = (isCollection ? collections : wantlists).GetValueOrDefault(username) ?? [];
        var page = Math.Max(1, int.TryParse(context.Request.Query["page"], CultureInfo.InvariantCulture, out var p) ? p : 1);
        shortPages.TryRemove((path, page), out var missing);
        return (200, PageJson(items, page, missing, context.Request.Query, isCollection).ToJsonString());
    }

    /// <summary>The user an OAuth-signed or personal-token request speaks for, or null.</summary>
    private string? AuthorizedUsername(HttpContext context, IReadOnlyDictionary<string, string> oauth)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Discogs token=", StringComparison.Ordinal))
            return personalTokens.GetValueOrDefault(header["Discogs token=".Length..]);
        return accessTokens.TryGetValue(oauth.GetValueOrDefault("oauth_token") ?? "", out var secret)
            && SignatureIsValid(context, oauth, secret)
            ? Identity.Username
            : null;
    }

    private static JsonObject PageJson(IReadOnlyList<FakeListItem> items, int page, int missing, IQueryCollection query, bool isCollection)
    {
        var perPage = Math.Clamp(int.TryParse(query["per_page"], CultureInfo.InvariantCulture, out var pp) ? pp : 50, 1, 100);
        var pages = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var slice = items.Skip((page - 1) * perPage).Take(perPage).SkipLast(missing)
            .Select(item => isCollection ? CollectionJson(item) : WantJson(item));
        return new JsonObject
        {
            ["pagination"] = new JsonObject { ["page"] = page, ["pages"] = pages, ["per_page"] = perPage, ["items"] = items.Count,
                ["urls"] = new JsonObject() },
            [isCollection ? "releases" : "wants"] = new JsonArray([.. slice]),
        };
    }

    private static JsonObject CollectionJson(FakeListItem item) => new()
    {
        ["id"] = item.ReleaseId, ["instance_id"] = item.InstanceId, ["folder_id"] = item.FolderId, ["rating"] = item.Rating,
        ["date_added"] = item.DateAdded, ["basic_information"] = BasicInformation(item),
    };

    private static JsonObject WantJson(FakeListItem item) => new()
    {
        ["id"] = item.ReleaseId, ["rating"] = item.Rating, ["notes"] = item.Notes, ["date_added"] = item.DateAdded,
        ["resource_url"] = $"https://api.discogs.com/releases/{item.ReleaseId}", ["basic_information"] = BasicInformation(item),
    };

    private static JsonObject BasicInformation(FakeListItem item) => new()
    {
        ["id"] = item.ReleaseId, ["title"] = item.Title, ["year"] = item.Year,
        ["artists"] = new JsonArray(new JsonObject { ["name"] = item.Artist, ["id"] = 1 }),
        ["labels"] = new JsonArray(new JsonObject { ["name"] = item.Label, ["catno"] = "CAT-" + item.ReleaseId }),
        ["formats"] = new JsonArray(new JsonObject { ["name"] = item.Format, ["qty"] = "1" }),
        ["genres"] = new JsonArray("Electronic"), ["styles"] = new JsonArray(),
    };

    [GeneratedRegex("^/users/(?<user>[^/]+)/(?<list>collection/folders/0/releases|wants)$")]
    private static partial Regex ListRoute();
}
