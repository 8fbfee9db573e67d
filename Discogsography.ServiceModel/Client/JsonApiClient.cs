using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.ServiceModel;

/// <summary>
/// The typed client: sends any request DTO to the route it declares (path variables filled, other fields in
/// the query string for GET/DELETE or a JSON body for POST/PUT/PATCH), with the bearer token, and returns the
/// typed response or throws <see cref="ApiException"/>. With a <see cref="RefreshToken"/>, a 401 is answered by
/// one refresh (<c>POST /api/auth/refresh</c>) and one retry. Depends on nothing but HttpClient and System.Text.Json.
/// </summary>
public class JsonApiClient : IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttpClient;
    private readonly SemaphoreSlim refreshing = new(1, 1);

    /// <summary>A client for the service at <paramref name="baseUrl"/> (e.g. <c>http://localhost:8004</c>).</summary>
    public JsonApiClient(string baseUrl)
        : this(new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(100) }, ownsHttpClient: true)
    {
    }

    /// <summary>A client over an existing <see cref="HttpClient"/> whose <c>BaseAddress</c> is the service.</summary>
    public JsonApiClient(HttpClient httpClient) : this(httpClient, ownsHttpClient: false)
    {
    }

    private JsonApiClient(HttpClient httpClient, bool ownsHttpClient)
    {
        http = httpClient;
        this.ownsHttpClient = ownsHttpClient;
    }

    /// <summary>The access token sent as <c>Authorization: Bearer</c>; null sends none.</summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// The session's refresh token (from <see cref="LoginResponse.RefreshToken"/>). When set, a 401 makes the client
    /// rotate it once and retry the request with the new access token; null turns refreshing off.
    /// </summary>
    public string? RefreshToken { get; set; }

    /// <summary>Called with the new tokens after a refresh, so the caller can keep them (e.g. in its session).</summary>
    public Action<LoginResponse>? TokensRefreshed { get; set; }

    /// <summary>Called with every response before it is read, e.g. to inspect headers.</summary>
    public Action<HttpResponseMessage>? ResponseFilter { get; set; }

    /// <summary>Sends <paramref name="request"/> and returns its typed response.</summary>
    public async Task<TResponse> SendAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<TResponse>(body, WireJson.Options)
            ?? throw new JsonException($"The response to {request.GetType().Name} was JSON null.");
    }

    /// <summary>Sends a request that returns no body.</summary>
    public async Task SendAsync(IReturnVoid request, CancellationToken cancellationToken = default)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(IReturn request, CancellationToken cancellationToken)
    {
        var tokenUsed = BearerToken;
        var response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized && request is not RefreshSession and not Login
            && await RefreshAsync(tokenUsed, cancellationToken).ConfigureAwait(false))
        {
            response.Dispose();
            response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
        }
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw ApiErrorParser.Parse(response, body);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(IReturn request, CancellationToken cancellationToken)
    {
        using var message = BuildRequest(request);
        var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        ResponseFilter?.Invoke(response);
        return response;
    }

    /// <summary>
    /// Rotates the refresh token once for every request that failed with <paramref name="tokenUsed"/>: concurrent
    /// 401s wait for one refresh (presenting a rotated refresh token twice would end the session). True when the
    /// request should be retried.
    /// </summary>
    private async Task<bool> RefreshAsync(string? tokenUsed, CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (BearerToken != tokenUsed)
                return true;
            if (RefreshToken is not { Length: > 0 } refreshToken)
                return false;
            using var response = await SendOnceAsync(new RefreshSession { RefreshToken = refreshToken },
                cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                RefreshToken = null;
                return false;
            }
            var tokens = JsonSerializer.Deserialize<LoginResponse>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), WireJson.Options)!;
            (BearerToken, RefreshToken) = (tokens.AccessToken, tokens.RefreshToken);
            TokensRefreshed?.Invoke(tokens);
            return true;
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>Builds the HTTP request for a DTO without sending it.</summary>
    public HttpRequestMessage BuildRequest(IReturn request)
    {
        var type = request.GetType();
        var properties = RequestRoutes.PropertiesOf(type);
        var route = ChooseRoute(request, properties);
        var pathValues = route.PathVariables.ToHashSet(StringComparer.Ordinal);
        var url = FillPath(route.Template, request, properties);
        var message = new HttpRequestMessage(new HttpMethod(route.Verb), url);
        if (RequestRoute.HasBody(route.Verb))
            message.Content = JsonBody(request, pathValues);
        else
            message.RequestUri = new Uri(url + QueryString(request, properties, pathValues), UriKind.Relative);
        if (BearerToken is { Length: > 0 } token)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return message;
    }

    private static RequestRoute ChooseRoute(IReturn request, IReadOnlyList<WireProperty> properties)
    {
        var routes = RequestRoutes.For(request.GetType());
        return routes.FirstOrDefault(r => r.PathVariables.All(v => ValueOf(request, properties, v) is not null)) ?? routes[0];
    }

    private static string FillPath(string template, IReturn request, IReadOnlyList<WireProperty> properties)
    {
        foreach (var variable in RequestRoutes.VariablesOf(template))
        {
            var value = FormatValue(ValueOf(request, properties, variable))
                ?? throw new ArgumentException($"{request.GetType().Name}.{variable} is required by the route {template}.");
            template = template.Replace("{" + variable + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        return template;
    }

    private static string QueryString(IReturn request, IReadOnlyList<WireProperty> properties, HashSet<string> pathValues)
    {
        var query = new StringBuilder();
        foreach (var property in properties.Where(p => !pathValues.Contains(p.WireName)))
        {
            foreach (var value in QueryValues(property.Property.GetValue(request)))
                query.Append(query.Length == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(property.WireName)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return query.ToString();
    }

    private static IEnumerable<string> QueryValues(object? value) => value switch
    {
        null => [],
        string s => [s],
        System.Collections.IEnumerable items => items.Cast<object?>().Select(FormatValue).OfType<string>(),
        _ => FormatValue(value) is { } text ? [text] : [],
    };

    private static StringContent JsonBody(IReturn request, HashSet<string> pathValues)
    {
        var node = JsonSerializer.SerializeToNode(request, request.GetType(), WireJson.RequestOptions) as JsonObject ?? [];
        foreach (var name in pathValues)
            node.Remove(name);
        return new StringContent(node.ToJsonString(WireJson.RequestOptions), Encoding.UTF8, "application/json");
    }

    private static object? ValueOf(IReturn request, IReadOnlyList<WireProperty> properties, string wireName) =>
        properties.FirstOrDefault(p => p.WireName == wireName)?.Property.GetValue(request);

    private static string? FormatValue(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        Enum e => JsonSerializer.Serialize(e, e.GetType(), WireJson.Options).Trim('"'),
        DateTimeOffset d => PythonIsoTimestampConverter.Format(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Disposes the HttpClient when this client created it.</summary>
    public void Dispose()
    {
        if (ownsHttpClient)
            http.Dispose();
        refreshing.Dispose();
        GC.SuppressFinalize(this);
    }
}
