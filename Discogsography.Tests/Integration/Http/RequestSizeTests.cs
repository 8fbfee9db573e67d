using System.Net;
using System.Text;
using Discogsography.Host;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Http;

public sealed class RequestSizeTests : ApiTest
{
    [Test]
    public async Task A_body_declared_larger_than_1_MB_is_refused_with_a_JSON_413()
    {
        var big = "{\"name\":\"" + new string('x', (int)ApiHost.MaxRequestBodyBytes) + "\"}";
        // Expect: 100-continue lets the server refuse before the body is sent (otherwise the refusal races the upload).
        using var request = new HttpRequestMessage(HttpMethod.Post,
            "/test/probe") { Content = new StringContent(big, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"detail":"Request body too large: the limit is 1048576 bytes"}"""));
    }

    [Test]
    public async Task A_chunked_body_that_grows_past_1_MB_is_refused_with_a_JSON_413()
    {
        var content = new PushStreamContent(ApiHost.MaxRequestBodyBytes + 10);
        using var response = await Http.PostAsync("/test/probe", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Request body too large"));
    }

    [Test]
    public async Task A_body_just_under_the_limit_is_accepted()
    {
        var body = "{\"name\":\"n\",\"password\":\"" + new string('x', 1000 * 1000) + "\"}";
        using var response = await Http.PostAsync("/test/probe", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    /// <summary>A body without Content-Length (chunked transfer encoding).</summary>
    private sealed class PushStreamContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            for (long written = 0; written < length; written += chunk.Length)
                await stream.WriteAsync(chunk);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
