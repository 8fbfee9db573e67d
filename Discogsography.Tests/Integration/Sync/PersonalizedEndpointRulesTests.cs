using System.Net;
using System.Text.Json.Nodes;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Sync;

/// <summary>REFERENCE-API.md §4.9, §15.18 and §15.19: who may call the personalized endpoints, and their parameter rules.</summary>
public sealed class PersonalizedEndpointRulesTests : ApiTest
{
    [TestCase("/api/user/collection")]
    [TestCase("/api/user/wantlist")]
    [TestCase("/api/user/recommendations")]
    [TestCase("/api/user/collection/stats")]
    public async Task Without_a_token_the_answer_is_authentication_required(string path)
    {
        using var response = await Http.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"detail":"Authentication required"}"""));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [TestCase("/api/user/collection")]
    [TestCase("/api/user/collection/stats")]
    public async Task A_token_signed_with_another_secret_is_invalid(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", TestTokens.Create(Guid.NewGuid().ToString(), secret: TestTokens.OtherSecret));

        using var response = await Http.SendAsync(request);

        Assert.That((response.StatusCode, await response.Content.ReadAsStringAsync()),
            Is.EqualTo((HttpStatusCode.Unauthorized, """{"detail":"Invalid or expired token"}""")));
    }

    [Test]
    public async Task A_revoked_token_is_refused_here_too()
    {
        await Accounts.RegisterAndLoginAsync(Client, "leaver@example.com");
        await Client.SendAsync(new Logout());

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new QueryCollection()))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Token has been revoked")));
    }

    [TestCase("/api/user/collection?limit=0", "greater_than_equal", "limit")]
    [TestCase("/api/user/collection?limit=201", "less_than_equal", "limit")]
    [TestCase("/api/user/wantlist?offset=-1", "greater_than_equal", "offset")]
    [TestCase("/api/user/recommendations?limit=101", "less_than_equal", "limit")]
    [TestCase("/api/user/status", "missing", "ids")]
    public async Task Out_of_range_parameters_are_422(string url, string type, string field)
    {
        await Accounts.RegisterAndLoginAsync(Client, "bounds@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", Client.BearerToken);

        using var response = await Http.SendAsync(request);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.AsArray().Single()!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((detail["type"]!.GetValue<string>(), detail["loc"]!.ToJsonString()), Is.EqualTo((type, $"[\"query\",\"{field}\"]")));
    }

    [Test]
    public async Task A_user_with_nothing_synced_gets_empty_answers()
    {
        await Accounts.RegisterAndLoginAsync(Client, "newcomer@example.com");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user/collection/stats");
        request.Headers.Authorization = new("Bearer", Client.BearerToken);
        using var stats = await Http.SendAsync(request);
        var collection = await Client.SendAsync(new QueryCollection());
        var recommendations = await Client.SendAsync(new GetRecommendations());

        Assert.That(await stats.Content.ReadAsStringAsync(), Is.EqualTo("""{"total":0,"by_genre":[],"by_decade":[],"by_label":[]}"""));
        Assert.That((collection.Total, collection.Releases, collection.HasMore, collection.Limit),
            Is.EqualTo((0, Array.Empty<CollectionItem>(), false, 50)));
        Assert.That((recommendations.Total, recommendations.Recommendations), Is.EqualTo((0, Array.Empty<Recommendation>())));
    }

    [TestCase(null)]
    [TestCase("not.a.valid.jwt")]
    public async Task Anonymous_or_invalid_callers_get_every_id_unowned(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user/status?ids=1,2,3");
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);

        using var response = await Http.SendAsync(request);

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"status":{"1":{"in_collection":false,"in_wantlist":false},"2":{"in_collection":false,"in_wantlist":false},"3":{"in_collection":false,"in_wantlist":false}}}"""));
    }

    [TestCase("", """{"status":{}}""")]
    [TestCase(",,,", """{"status":{}}""")]
    public async Task No_ids_left_after_splitting_is_an_empty_status(string ids, string body)
    {
        using var response = await Http.GetAsync("/api/user/status?ids=" + ids);

        Assert.That((response.StatusCode, await response.Content.ReadAsStringAsync()), Is.EqualTo((HttpStatusCode.OK, body)));
    }

    [Test]
    public async Task More_than_100_ids_is_the_reference_error_style_422_and_100_is_fine()
    {
        var hundred = string.Join(',', Enumerable.Repeat("7", 100));

        using var tooMany = await Http.GetAsync("/api/user/status?ids=" + hundred + ",7");
        using var enough = await Http.GetAsync("/api/user/status?ids=" + hundred);

        Assert.That((tooMany.StatusCode, await tooMany.Content.ReadAsStringAsync()),
            Is.EqualTo((HttpStatusCode.UnprocessableEntity, """{"error":"Too many IDs: maximum is 100"}""")));
        Assert.That((enough.StatusCode, await enough.Content.ReadAsStringAsync()),
            Is.EqualTo((HttpStatusCode.OK, """{"status":{"7":{"in_collection":false,"in_wantlist":false}}}""")));
    }
}
