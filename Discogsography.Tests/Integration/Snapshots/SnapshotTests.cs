using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Snapshots;

/// <summary>REFERENCE-API.md §10 and §15.20 through the typed client and raw HTTP, against the real Redis.</summary>
public sealed partial class SnapshotTests : ApiTest
{
    private static readonly List<SnapshotNode> TwoNodes = [new() { Id = "1", Type = "artist" },
        new() { Id = "Electronic", Type = "genre" }];
    private static readonly SnapshotNode Centre = new() { Id = "1", Type = "artist" };

    [SetUp]
    public Task SignInAsync() => Accounts.RegisterAndLoginAsync(Client, "explorer@example.com");

    [Test]
    public async Task A_saved_snapshot_has_a_16_character_token_and_expires_in_28_days()
    {
        var saved = await Client.SendAsync(new CreateSnapshot { Nodes = TwoNodes, Center = Centre });

        Assert.That(saved.Token, Does.Match("^[A-Za-z0-9_-]{16}$"));
        Assert.That(saved.Url, Is.EqualTo($"/snapshot/{saved.Token}"));
        Assert.That(saved.ExpiresAt, Is.EqualTo(DateTimeOffset.UtcNow.AddDays(28)).Within(TimeSpan.FromMinutes(1)));
        var ttl = await TestServers.Redis.TimeToLiveAsync(RedisKeys.Snapshot(saved.Token));
        Assert.That(ttl, Is.GreaterThan(TimeSpan.FromDays(28) - TimeSpan.FromMinutes(1)).And.LessThanOrEqualTo(TimeSpan.FromDays(28)));
    }

    [Test]
    public async Task The_stored_document_is_the_reference_compact_json_and_restores_without_auth()
    {
        using var response = await PostAsync("""{"nodes":[{"id":"1","type":"artist","label":"dropped"},{"id":"Electronic","type":"genre"}],"center":{"id":"1","type":"artist"},"extra":1}""");
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        var stored = await TestServers.Redis.GetAsync(RedisKeys.Snapshot(token));

        using var restored = await Http.GetAsync($"/api/snapshot/{token}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(stored, Does.Match("""^\{"nodes":\[\{"id":"1","type":"artist"\},\{"id":"Electronic","type":"genre"\}\],"center":\{"id":"1","type":"artist"\},"created_at":"[0-9T:.+-]+"\}$"""));
        Assert.That(restored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await restored.Content.ReadAsStringAsync(), Is.EqualTo(stored));
    }

    [Test]
    public async Task An_empty_node_list_is_the_reference_value_error()
    {
        using var response = await PostAsync("""{"nodes":[],"center":{"id":"1","type":"artist"}}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"detail":[{"type":"value_error","loc":["body","nodes"],"msg":"Value error, nodes must not be empty","input":[],"ctx":{"error":{}}}]}"""));
    }

    [TestCase("""{"nodes":[{"id":"1","type":"artist"}]}""", "missing", """["body","center"]""")]
    [TestCase("""{"nodes":[{"id":1,"type":"artist"}],"center":{"id":"1","type":"artist"}}""", "string_type", """["body","nodes",0,"id"]""")]
    [TestCase("""{"center":{"id":"1","type":"artist"}}""", "missing", """["body","nodes"]""")]
    public async Task Malformed_bodies_are_422(string body, string type, string loc)
    {
        using var response = await PostAsync(body);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.AsArray().Single()!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((detail["type"]!.GetValue<string>(), detail["loc"]!.ToJsonString()), Is.EqualTo((type, loc)));
    }

    [Test]
    public async Task More_than_100_nodes_is_the_reference_error_style_422_and_100_is_fine()
    {
        var nodes = Enumerable.Range(1, 101).Select(i => new SnapshotNode { Id = i.ToString(), Type = "release" }).ToList();

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new CreateSnapshot { Nodes = nodes, Center = Centre }))!;
        var hundred = await Client.SendAsync(new CreateSnapshot { Nodes = nodes[..100], Center = Centre });

        Assert.That((error.StatusCode, error.ResponseBody),
            Is.EqualTo((HttpStatusCode.UnprocessableEntity, """{"error":"Too many nodes: maximum is 100"}""")));
        Assert.That((await Client.SendAsync(new GetSnapshot { Token = hundred.Token })).Nodes, Has.Count.EqualTo(100));
    }

    [TestCase(null, "Not authenticated")]
    [TestCase("not.a.valid.jwt", "Invalid or expired token")]
    public async Task Saving_needs_a_valid_token(string? token, string detail)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/snapshot")
        {
            Content = new StringContent("""{"nodes":[{"id":"1","type":"artist"}],"center":{"id":"1","type":"artist"}}""", Encoding.UTF8,
                "application/json"),
        };
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);

        using var response = await Http.SendAsync(request);

        Assert.That((response.StatusCode, await response.Content.ReadAsStringAsync()),
            Is.EqualTo((HttpStatusCode.Unauthorized, $$"""{"detail":"{{detail}}"}""")));
    }

    [Test]
    public async Task A_revoked_token_cannot_save()
    {
        await Client.SendAsync(new Logout());

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new CreateSnapshot { Nodes = TwoNodes, Center = Centre }))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Token has been revoked")));
    }

    [TestCase("AAAAAAAAAAAAAAAA")]
    [TestCase("nonexistent-token")]
    [TestCase("short")]
    public async Task Unknown_tokens_are_the_reference_404(string token)
    {
        using var response = await Http.GetAsync($"/api/snapshot/{token}");

        Assert.That((response.StatusCode, await response.Content.ReadAsStringAsync()),
            Is.EqualTo((HttpStatusCode.NotFound, """{"error":"Snapshot not found or expired"}""")));
    }

    [Test]
    public async Task Tokens_of_the_wrong_shape_are_answered_without_touching_storage()
    {
        var before = await GetCallsAsync();

        using var wrongShape = await Http.GetAsync("/api/snapshot/not-a-snapshot-token-at-all");
        var afterWrongShape = await GetCallsAsync();
        using var rightShape = await Http.GetAsync("/api/snapshot/BBBBBBBBBBBBBBBB");

        Assert.That(wrongShape.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(afterWrongShape, Is.EqualTo(before));
        Assert.That(await GetCallsAsync(), Is.EqualTo(before + 1), "a well-formed token is looked up");
    }

    [Test]
    public async Task An_expired_snapshot_is_gone()
    {
        var saved = await Client.SendAsync(new CreateSnapshot { Nodes = TwoNodes, Center = Centre });
        var key = RedisKeys.Snapshot(saved.Token);
        await TestServers.Redis.SetAsync(key, (await TestServers.Redis.GetAsync(key))!, TimeSpan.FromMilliseconds(50));
        await Task.Delay(200);

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetSnapshot { Token = saved.Token }))!;

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_stored_document_that_is_not_a_snapshot_reads_as_not_found()
    {
        await TestServers.Redis.SetAsync(RedisKeys.Snapshot("CCCCCCCCCCCCCCCC"), """{"nodes":"oops"}""", TimeSpan.FromMinutes(1));

        using var response = await Http.GetAsync("/api/snapshot/CCCCCCCCCCCCCCCC");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Snapshots_survive_a_restart_when_redis_is_configured()
    {
        SnapshotNode[] nodes = [new() { Id = "42", Type = "label" }];
        string token;
        await using (var first = await TestHost.StartAsync(TestHost.SettingsFor(Host.Settings.Postgres, TestServers.RedisUrl)))
        {
            using var client = new JsonApiClient(new HttpClient { BaseAddress = first.ApiUrl }) { BearerToken = Client.BearerToken };
            token = (await client.SendAsync(new CreateSnapshot { Nodes = [.. nodes], Center = nodes[0] })).Token;
        }
        await using var second = await TestHost.StartAsync(TestHost.SettingsFor(Host.Settings.Postgres, TestServers.RedisUrl));
        using var anonymous = new JsonApiClient(new HttpClient { BaseAddress = second.ApiUrl });

        var restored = await anonymous.SendAsync(new GetSnapshot { Token = token });

        Assert.That((restored.Nodes.Single().Id, restored.Center.Type), Is.EqualTo(("42", "label")));
    }

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            "/api/snapshot") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", Client.BearerToken);
        return await Http.SendAsync(request);
    }

    /// <summary>How many GETs Redis has served (INFO commandstats).</summary>
    private static async Task<long> GetCallsAsync()
    {
        var info = await TestServers.Redis.InfoAsync("commandstats");
        return GetCalls().Match(info) is { Success: true } match ? long.Parse(match.Groups[1].Value) : 0;
    }

    [GeneratedRegex(@"cmdstat_get:calls=(\d+)")]
    private static partial Regex GetCalls();
}
