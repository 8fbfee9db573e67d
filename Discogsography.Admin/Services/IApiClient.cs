using Discogsography.ServiceModel;

namespace Discogsography.Admin.Services;

/// <summary>
/// How pages reach the API: the typed client behind a small interface, so component tests substitute a fake.
/// One instance per circuit (the signed-in admin's token lives here).
/// </summary>
public interface IApiClient
{
    /// <summary>The admin's access token, or null before sign-in.</summary>
    string? BearerToken { get; set; }

    /// <summary>
    /// Sends the operator's own address (as <c>X-Forwarded-For</c>) and browser (as <c>User-Agent</c>) with every call:
    /// the API, which trusts the dashboard as a proxy, then limits, audits and records sessions per operator, not per
    /// dashboard.
    /// </summary>
    void ActFor(string clientIp, string? userAgent);

    /// <summary>Sends a request DTO and returns its typed response; failures throw <see cref="ApiException"/>.</summary>
    Task<TResponse> SendAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default);

    /// <summary>Sends a request DTO that returns no body.</summary>
    Task SendAsync(IReturnVoid request, CancellationToken cancellationToken = default);
}

/// <summary>The real <see cref="IApiClient"/>: <see cref="JsonApiClient"/> over an HttpClient from the factory.</summary>
public sealed class ApiClient(HttpClient http) : IApiClient, IDisposable
{
    /// <summary>The name of the HttpClient configured with the API's base address.</summary>
    public const string HttpClientName = "api";

    private readonly JsonApiClient client = new(http);

    public string? BearerToken
    {
        get => client.BearerToken;
        set => client.BearerToken = value;
    }

    public void ActFor(string clientIp, string? userAgent)
    {
        http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        http.DefaultRequestHeaders.TryAddWithoutValidation("X-Forwarded-For", clientIp);
        if (userAgent is not null)
        {
            http.DefaultRequestHeaders.UserAgent.Clear();
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }
    }

    public Task<TResponse> SendAsync<TResponse>(IReturn<TResponse> request, CancellationToken cancellationToken = default) =>
        client.SendAsync(request, cancellationToken);

    public Task SendAsync(IReturnVoid request, CancellationToken cancellationToken = default) =>
        client.SendAsync(request, cancellationToken);

    public void Dispose() => client.Dispose();
}
