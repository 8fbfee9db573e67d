using System.Net;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Http;

/// <summary>REFERENCE-API.md §2.3: Starlette's CORSMiddleware as the reference configures it.</summary>
public sealed class CorsTests : ApiTest
{
    [Test]
    public async Task A_preflight_from_a_default_origin_is_allowed_with_the_reference_headers()
    {
        using var response = await PreflightAsync(Host.ApiUrl, "http://localhost:3000", "POST", "content-type, authorization");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("OK"));
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("http://localhost:3000"));
            Assert.That(Header(response, "Access-Control-Allow-Methods"), Is.EqualTo("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"));
            Assert.That(Header(response, "Access-Control-Allow-Headers"), Is.EqualTo("content-type, authorization"));
            Assert.That(Header(response, "Access-Control-Max-Age"), Is.EqualTo("600"));
            Assert.That(Header(response, "Vary"), Is.EqualTo("Origin"));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
        });
    }

    [Test]
    public async Task A_preflight_from_another_origin_is_refused_with_400()
    {
        using var response = await PreflightAsync(Host.ApiUrl, "https://evil.example", "GET", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Disallowed CORS origin"));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.Null);
    }

    [Test]
    public async Task A_simple_request_from_an_allowed_origin_gets_the_origin_echoed_and_others_get_nothing()
    {
        using var allowed = await GetWithOriginAsync("http://localhost:8003");
        using var other = await GetWithOriginAsync("https://evil.example");

        Assert.Multiple(() =>
        {
            Assert.That(Header(allowed, "Access-Control-Allow-Origin"), Is.EqualTo("http://localhost:8003"));
            Assert.That(Header(allowed, "Vary"), Is.EqualTo("Origin"));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Header(other, "Access-Control-Allow-Origin"), Is.Null);
        });
    }

    [Test]
    public async Task CORS_ORIGINS_replaces_the_default_list_and_a_wildcard_allows_any_origin()
    {
        var settings = SettingsOnFreshPorts();
        await using var host = await TestHost.StartAsync(settings with { Hosting = settings.Hosting with { CorsOrigins = ["*"] } });

        using var response = await PreflightAsync(host.ApiUrl, "https://anything.example", "GET", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("*"));
        Assert.That(Header(response, "Vary"), Is.Null);
    }

    private async Task<HttpResponseMessage> GetWithOriginAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("Origin", origin);
        return await Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(Uri api, string origin, string method, string? headers)
    {
        using var http = new HttpClient { BaseAddress = api };
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/auth/login");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null)
            request.Headers.Add("Access-Control-Request-Headers", headers);
        return await http.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
