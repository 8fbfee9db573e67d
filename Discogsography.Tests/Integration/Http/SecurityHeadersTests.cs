using System.Net;
using System.Text;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Http;

/// <summary>REFERENCE-API.md §2.2: four headers on every response, errors included.</summary>
public sealed class SecurityHeadersTests : ApiTest
{
    private static readonly (string Name, string Value)[] Expected =
    [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", "geolocation=(), microphone=(), camera=()"),
    ];

    [TestCase("GET", "/health", "", HttpStatusCode.OK)]
    [TestCase("GET", "/test/secure", "", HttpStatusCode.Unauthorized)]
    [TestCase("GET", "/api/does-not-exist", "", HttpStatusCode.NotFound)]
    [TestCase("POST", "/test/probe", "{}", HttpStatusCode.UnprocessableEntity)]
    [TestCase("PUT", "/health", "", HttpStatusCode.MethodNotAllowed)]
    [TestCase("GET", "/test/fail/crash", "", HttpStatusCode.InternalServerError)]
    public async Task Every_response_carries_the_security_headers(string method, string path, string body, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body.Length > 0)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(Expected.Select(h => response.Headers.TryGetValues(h.Name, out var v) ? (h.Name, v.Single()) : (h.Name, "")),
            Is.EqualTo(Expected));
    }
}
