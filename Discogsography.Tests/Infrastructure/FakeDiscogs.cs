using System.Collections.Concurrent;
using System.Net;
using Discogsography.ServiceInterface.Discogs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// A fake Discogs API on Kestrel (WireMock is not available): the OAuth 1.0a endpoints, checking every request's
/// HMAC-SHA1 signature against the secrets it issued, plus failures tests can queue (statuses, Retry-After, a body
/// with secrets that must never leak into error messages).
/// </summary>
public sealed partial class FakeDiscogs : IAsyncDisposable
{
    public const string ConsumerKey = "fake-consumer-key";
    public const string ConsumerSecret = "fake-consumer-secret";
    public const string LeakyBody = "SECRET_INTERNAL_DATA";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> requestTokens = new();
    private readonly ConcurrentDictionary<string, string> verifiers = new();
    private readonly ConcurrentDictionary<string, string> accessTokens = new();
    private readonly ConcurrentQueue<Failure> failures = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private FakeDiscogs(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The base URL to set as DISCOGS_API_URL and DISCOGS_WEB_URL.</summary>
    public Uri Url { get; }

    /// <summary>The Discogs identity access tokens resolve to.</summary>
    public (long Id, string Username) Identity { get; set; } = (12345, "discogs_user");

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <summary>Access tokens and secrets issued so far.</summary>
    public IReadOnlyDictionary<string, string> IssuedAccessTokens => accessTokens;

    public static async Task<FakeDiscogs> StartAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var fake = new FakeDiscogs(app, new Uri($"http://127.0.0.1:{port}"));
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The user approves the app on the authorize page: the verifier code Discogs would show them.</summary>
    public string Approve(string requestToken) => verifiers.GetOrAdd(requestToken, _ => "verifier-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>
    /// The next request to <paramref name="path"/> (for lists: to its <paramref name="page"/>) answers <paramref name="status"/>
    /// with a body naming secrets. Failures are served in the order queued.
    /// </summary>
    public void FailNext(string path, int status, string? retryAfter = null, int? page = null) =>
        failures.Enqueue(new Failure(path, page, status, retryAfter));

    /// <summary>Forgets everything (between tests).</summary>
    public void Reset()
    {
        requestTokens.Clear();
        verifiers.Clear();
        accessTokens.Clear();
        failures.Clear();
        requests.Clear();
        ResetLists();
        Identity = (12345, "discogs_user");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var oauth = OAuthHeader.Parse(context.Request.Headers.Authorization.ToString());
        requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, oauth,
            context.Request.Headers.UserAgent.ToString()));
        if (failures.TryPeek(out var failure) && failure.Matches(context.Request) && failures.TryDequeue(out _))
        {
            await RespondAsync(context, failure.Status, LeakyBody, failure.RetryAfter);
            return;
        }
        await WaitWhileHeldAsync(context);
        var (status, body) = context.Request.Path.Value switch
        {
            "/oauth/request_token" => RequestToken(context, oauth),
            "/oauth/access_token" => AccessToken(context, oauth),
            "/oauth/identity" => IdentityOf(context, oauth),
            var path => ListPage(context, oauth, path ?? ""),
        };
        await RespondAsync(context, status, body, null);
    }

    private (int, string) RequestToken(HttpContext context, IReadOnlyDictionary<string, string> oauth)
    {
        if (!SignatureIsValid(context, oauth, "") || oauth.GetValueOrDefault("oauth_callback") != "oob")
            return (401, LeakyBody);
        var token = "req-" + Guid.NewGuid().ToString("N")[..12];
        requestTokens[token] = "reqsec-" + Guid.NewGuid().ToString("N")[..12];
        return (200, $"oauth_token={token}&oauth_token_secret={requestTokens[token]}&oauth_callback_confirmed=true");
    }

    private (int, string) AccessToken(HttpContext context, IReadOnlyDictionary<string, string> oauth)
    {
        var token = oauth.GetValueOrDefault("oauth_token") ?? "";
        if (!requestTokens.TryGetValue(token, out var secret) || !SignatureIsValid(context, oauth, secret)
            || !verifiers.TryGetValue(token, out var verifier) || oauth.GetValueOrDefault("oauth_verifier") != verifier)
            return (401, LeakyBody);
        requestTokens.TryRemove(token, out _);
        var access = "acc-" + Guid.NewGuid().ToString("N")[..12];
        accessTokens[access] = "accsec-" + Guid.NewGuid().ToString("N")[..12];
        return (200, $"oauth_token={access}&oauth_token_secret={accessTokens[access]}");
    }

    private (int, string) IdentityOf(HttpContext context, IReadOnlyDictionary<string, string> oauth) =>
        AuthorizedUsername(context, oauth) is { } username
            ? (200, $$"""{"id": {{Identity.Id}}, "username": "{{username}}", "resource_url": "https://api.discogs.com/users/{{username}}"}""")
            : (401, LeakyBody);

    /// <summary>Recomputes the RFC 5849 signature over the full request URL (query included).</summary>
    private static bool SignatureIsValid(HttpContext context, IReadOnlyDictionary<string, string> oauth, string tokenSecret)
    {
        if (oauth.GetValueOrDefault("oauth_consumer_key") != ConsumerKey || !oauth.TryGetValue("oauth_signature", out var signature))
            return false;
        var url = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}");
        var baseString = OAuth1Signer.BaseString(context.Request.Method, url, oauth.Where(p => p.Key != "oauth_signature"));
        return OAuth1Signer.Sign(baseString, ConsumerSecret, tokenSecret) == signature;
    }

    private static async Task RespondAsync(HttpContext context, int status, string body, string? retryAfter)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
            context.Response.Headers.RetryAfter = retryAfter;
        context.Response.ContentType = body.StartsWith('{') ? "application/json" : "application/x-www-form-urlencoded";
        await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>A queued failure: a path, optionally one page of it.</summary>
    private sealed record Failure(string Path, int? Page, int Status, string? RetryAfter)
    {
        public bool Matches(HttpRequest request) =>
            request.Path == Path
                && (Page is null || request.Query["page"] == Page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One request the fake received.</summary>
    public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> OAuth, string UserAgent);

    /// <summary>Parses <c>OAuth k="v", …</c> (values percent-decoded).</summary>
    private static class OAuthHeader
    {
        public static IReadOnlyDictionary<string, string> Parse(string header)
        {
            if (!header.StartsWith("OAuth ", StringComparison.Ordinal))
                return new Dictionary<string, string>();
            return header["OAuth ".Length..].Split(", ")
                .Select(part => part.Split('=', 2))
                .Where(kv => kv.Length == 2)
                .ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => Uri.UnescapeDataString(kv[1].Trim('"')));
        }
    }
}
