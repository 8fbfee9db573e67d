using System.Net;
using System.Text.Json;
using Discogsography.ServiceInterface.Configuration;
using Polly;
using Polly.Timeout;

namespace Discogsography.ServiceInterface.Discogs;

/// <summary>An OAuth token and its secret.</summary>
public sealed record OAuthTokenPair(string Token, string Secret);

/// <summary>Who a Discogs access token belongs to (<c>/oauth/identity</c>).</summary>
public sealed record DiscogsIdentity(string UserId, string Username);

/// <summary>
/// The one way to Discogs (REFERENCE-API.md §5): <c>DISCOGS_API_URL</c>, the configured User-Agent, OAuth 1.0a
/// signatures computed afresh for every attempt, and the retry pipeline. Errors name the HTTP status and never
/// include the response body.
/// </summary>
public sealed class DiscogsClient(HttpClient http, DiscogsSettings settings, ResiliencePipeline<HttpResponseMessage> pipeline,
    TimeProvider time)
{
    /// <summary>Step 1 of the out-of-band flow: a request token (GET <c>/oauth/request_token</c>, <c>oauth_callback=oob</c>).</summary>
    public async Task<OAuthTokenPair> GetRequestTokenAsync(OAuthCredentials app, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "/oauth/request_token", new OAuth1Auth(app, [new("oauth_callback", "oob")]),
            cancellationToken, formContentType: true);
        return await ReadTokenPairAsync(response, "Failed to get request token", cancellationToken);
    }

    /// <summary>Step 3: exchanges the verifier the user copied from Discogs for an access token (POST
    /// <c>/oauth/access_token</c>).</summary>
    public async Task<OAuthTokenPair> GetAccessTokenAsync(OAuthCredentials requestToken, string verifier,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "/oauth/access_token",
            new OAuth1Auth(requestToken, [new("oauth_verifier", verifier)]),
            cancellationToken, formContentType: true);
        return await ReadTokenPairAsync(response, "Failed to exchange verifier", cancellationToken);
    }

    /// <summary>The Discogs account of an access token or personal token (GET <c>/oauth/identity</c>).</summary>
    public async Task<DiscogsIdentity> GetIdentityAsync(DiscogsAuth access, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "/oauth/identity", access, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new DiscogsException($"Failed to fetch Discogs identity: HTTP {(int)response.StatusCode}", (int)response.StatusCode);
        using var json = await ParseJsonAsync(response, cancellationToken);
        var root = json.RootElement;
        var id = root.TryGetProperty("id", out var idValue)
            && idValue.ValueKind is JsonValueKind.Number or JsonValueKind.String ? idValue.ToString() : "";
        var username = root.TryGetProperty("username", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "";
        return new DiscogsIdentity(id, username);
    }

    /// <summary>
    /// Sends an authorized request through the retry pipeline. The request (nonce, timestamp, signature) is rebuilt
    /// for each attempt, since Discogs may refuse a replayed nonce. Network failures after the retries raise
    /// <see cref="DiscogsUnreachableException"/>; any HTTP answer is returned for the caller to judge.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, DiscogsAuth auth,
        CancellationToken cancellationToken, bool formContentType = false)
    {
        var url = new Uri(settings.ApiUrl + pathAndQuery);
        try
        {
            return await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(method, url);
                request.Headers.TryAddWithoutValidation("User-Agent", settings.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", "application/json");
                request.Headers.TryAddWithoutValidation("Authorization", auth.HeaderFor(method, url, time.GetUtcNow()));
                if (formContentType)
                    request.Content = new ByteArrayContent([]) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } };
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
            }, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DiscogsUnreachableException($"Could not reach Discogs at {settings.ApiUrl}: {Reason(e)}", e);
        }
    }

    private static async Task<OAuthTokenPair> ReadTokenPairAsync(HttpResponseMessage response, string failure,
        CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
            throw new DiscogsException($"{failure}: HTTP {(int)response.StatusCode}", (int)response.StatusCode);
        var form = ParseForm(await response.Content.ReadAsStringAsync(cancellationToken));
        return form.TryGetValue("oauth_token", out var token) && form.TryGetValue("oauth_token_secret", out var secret)
               && token.Length > 0 && secret.Length > 0
            ? new OAuthTokenPair(token, secret)
            : throw new DiscogsException("Invalid response from Discogs: no oauth_token and oauth_token_secret in the answer");
    }

    private static async Task<JsonDocument> ParseJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken),
                cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document : throw new DiscogsException("Invalid response from Discogs: not a JSON object");
        }
        catch (JsonException)
        {
            throw new DiscogsException("Invalid response from Discogs: not JSON");
        }
    }

    private static Dictionary<string, string> ParseForm(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(parts => Uri.UnescapeDataString(parts[0].Replace('+', ' ')))
            .ToDictionary(g => g.Key, g => g.Last() is [_, var value] ? Uri.UnescapeDataString(value.Replace('+', ' ')) : "");

    private static string Reason(Exception e) => e switch
    {
        TimeoutRejectedException or TaskCanceledException => "timed out",
        HttpRequestException { HttpRequestError: var error } when error != HttpRequestError.Unknown => error.ToString(),
        _ => e.Message,
    };
}
