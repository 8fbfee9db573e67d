using System.Net;
using System.Text;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Snapshots;

/// <summary>One user cannot fill the store: snapshot fields are bounded and a user saves at most 20 an hour.</summary>
public sealed class SnapshotLimitTests : ApiTest
{
    [SetUp]
    public Task SignInAsync() => Accounts.RegisterAndLoginAsync(Client, "saver@example.com");

    [TestCase("id")]
    [TestCase("type")]
    public async Task A_node_id_or_type_over_256_characters_is_a_422(string field)
    {
        var tooLong = new string('x', 257);
        var node = field == "id" ? "{\"id\":\"" + tooLong + "\",\"type\":\"artist\"}" : "{\"id\":\"1\",\"type\":\"" + tooLong + "\"}";

        using var response = await PostAsync($$$"""{"nodes":[{{{node}}}],"center":{"id":"1","type":"artist"}}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Does.Contain("string_too_long").And.Contain($$"""["body","nodes",0,"{{field}}"]"""));
    }

    [Test]
    public async Task The_21st_snapshot_within_an_hour_is_refused_with_Retry_After()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            using var response = await PostAsync("""{"nodes":[{"id":"1","type":"artist"}],"center":{"id":"1","type":"artist"}}""");
            statuses.Add(response.StatusCode);
            if (i == 20)
                Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.FromMinutes(50)));
        }

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.Created, 20).Append(HttpStatusCode.TooManyRequests)));
    }

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            "/api/snapshot") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", Client.BearerToken);
        return await Http.SendAsync(request);
    }
}
