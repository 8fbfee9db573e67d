using System.Net;
using System.Text;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Pipeline;

/// <summary>The one exception mapper: the reference's bodies, and no stack traces.</summary>
public sealed class ErrorResponseTests : ApiTest
{
    [Test]
    public async Task A_route_with_error_style_answers_its_errors_under_the_error_key()
    {
        Assert.That(await BodyOf(await Http.GetAsync("/test/fail/not-found"), HttpStatusCode.NotFound),
            Is.EqualTo("""{"error":"Probe 'not-found' not found"}"""));
    }

    [Test]
    public async Task An_error_that_fixes_its_style_keeps_it_on_any_route()
    {
        Assert.That(await BodyOf(await Http.GetAsync("/test/fail/detail"), HttpStatusCode.BadRequest),
            Is.EqualTo("""{"detail":"A detail-style error"}"""));
    }

    [Test]
    public async Task An_error_with_a_custom_body_is_written_as_is()
    {
        Assert.That(await BodyOf(await Http.GetAsync("/test/fail/custom"), HttpStatusCode.TooManyRequests),
            Is.EqualTo("""{"status":"cooldown","message":"Wait."}"""));
    }

    [Test]
    public async Task A_dependency_that_is_down_is_a_503_with_retry_after_and_a_log_line()
    {
        using var response = await Http.GetAsync("/test/fail/redis-down");

        Assert.Multiple(async () =>
        {
            Assert.That(await BodyOf(response, HttpStatusCode.ServiceUnavailable),
                Is.EqualTo("""{"error":"Redis is unavailable; try again shortly"}"""));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(Host.Logs.Lines, Has.Some.Contains("Redis unavailable while answering GET /test/fail/redis-down"));
        });
    }

    [Test]
    public async Task An_unexpected_exception_is_a_logged_JSON_500_that_reveals_nothing()
    {
        using var response = await Http.GetAsync("/test/fail/crash");
        var body = await BodyOf(response, HttpStatusCode.InternalServerError);

        Assert.Multiple(() =>
        {
            Assert.That(body, Is.EqualTo("""{"detail":"Internal Server Error"}"""));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(Host.Logs.Lines,
                Has.Some.Contains("Unhandled error while answering GET /test/fail/crash").And.Contains("secret-internal-state"));
        });
    }

    [Test]
    public async Task An_unknown_route_is_404_Not_Found()
    {
        Assert.That(await BodyOf(await Http.GetAsync("/api/nowhere"), HttpStatusCode.NotFound), Is.EqualTo("""{"detail":"Not Found"}"""));
    }

    [Test]
    public async Task A_wrong_method_is_405_with_an_Allow_header()
    {
        using var response = await Http.PutAsync("/test/probe/1", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.That(await BodyOf(response, HttpStatusCode.MethodNotAllowed), Is.EqualTo("""{"detail":"Method Not Allowed"}"""));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "DELETE", "GET", "HEAD" }));
    }

    [Test]
    public async Task A_known_path_with_a_trailing_slash_redirects_307_to_the_path_without_it()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.ApiUrl };
        using var response = await http.GetAsync("/test/probe/1/?q=radio");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
        Assert.That(response.Headers.Location, Is.EqualTo(new Uri(Host.ApiUrl, "/test/probe/1?q=radio")));
    }

    [Test]
    public void The_typed_client_turns_error_bodies_into_ApiException_messages()
    {
        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new FailProbe { Kind = "not-found" }))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.NotFound, "Probe 'not-found' not found")));
    }

    private static async Task<string> BodyOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return body;
    }
}
