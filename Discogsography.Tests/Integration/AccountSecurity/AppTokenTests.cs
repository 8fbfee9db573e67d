using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.AccountSecurity;

/// <summary>
/// REFERENCE-UPSTREAM.md §B.6 end to end: app tokens are shown once and stored hashed, work only on the routes of their
/// scopes, count against their own limits, and die with revocation, a password change and deactivation.
/// </summary>
public sealed class AppTokenTests : ApiTest
{
    private const string Email = "scripter@example.com";

    [Test]
    public async Task A_token_is_shown_once_stored_hashed_listed_without_it_and_dead_once_revoked()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);

        var minted = await SendAsync("POST", "/api/user/app-tokens", login.AccessToken,
            """{"name": "  export script ", "scopes": ["collection:read", "collection:read"]}""");
        var created = minted.Json.RootElement;
        var token = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        var used = await SendAsync("GET", "/api/user/collection", token);
        var listed = await SendAsync("GET", "/api/user/app-tokens", login.AccessToken);
        var revoked = await SendAsync("DELETE", $"/api/user/app-tokens/{id}", login.AccessToken);
        var usedAfter = await SendAsync("GET", "/api/user/collection", token);
        var revokedAgain = await SendAsync("DELETE", $"/api/user/app-tokens/{id}", login.AccessToken);
        var listedAfter = (await SendAsync("GET", "/api/user/app-tokens", login.AccessToken)).Json.RootElement;

        Assert.That(minted.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(token, Does.Match("^dscg_[A-Za-z0-9_-]{43}$"));
        Assert.That((created.GetProperty("name").GetString(), created.GetProperty("scopes").ToString()),
            Is.EqualTo(("export script", """["collection:read","collection:read"]""")));
        Assert.That(created.GetProperty("created_at").GetString(), Does.Contain("T"), "ISO 8601, not Python's str(datetime)");
        Assert.That(used.Status, Is.EqualTo(HttpStatusCode.OK), used.Body);
        var active = listed.Json.RootElement.GetProperty("active")[0];
        Assert.That(active.GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(active.GetProperty("last_used_at").ValueKind, Is.EqualTo(JsonValueKind.String), "the use was recorded");
        Assert.That(listed.Body, Does.Not.Contain(token).And.Not.Contain("hash"));
        Assert.That((revoked.Status, revoked.Body), Is.EqualTo((HttpStatusCode.NoContent, "")));
        Assert.That((usedAfter.Status, usedAfter.Body, usedAfter.WwwAuthenticate),
            Is.EqualTo((HttpStatusCode.Unauthorized, """{"detail":"Invalid or revoked app token"}""", "Bearer")));
        Assert.That((revokedAgain.Status, revokedAgain.Body), Is.EqualTo((HttpStatusCode.NotFound, """{"detail":"Token not found"}""")));
        Assert.That((listedAfter.GetProperty("active").GetArrayLength(),
            listedAfter.GetProperty("revoked")[0].GetProperty("name").GetString()), Is.EqualTo((0, "export script")));
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<string>("SELECT token_hash FROM app_tokens");
        Assert.That(stored, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token)))));
        var audited = await connection.QueryAsync<string>("SELECT action || ' ' || details::text FROM audit_log WHERE action LIKE 'app_token%' ORDER BY id");
        Assert.That(audited, Has.Exactly(1).StartsWith("app_token_minted").And.Exactly(1).StartsWith("app_token_revoked"));
        Assert.That(string.Join(" ", audited), Does.Not.Contain(token).And.Not.Contain(stored));
    }

    [Test]
    public async Task A_token_works_only_where_its_scope_applies()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        var token = await MintAsync(login.AccessToken!, AppTokenScopes.CollectionRead);

        var allowed = new[] { "/api/user/collection", "/api/user/collection/stats", "/api/user/wantlist" };
        foreach (var path in allowed)
            Assert.That((await SendAsync("GET", path, token)).Status, Is.EqualTo(HttpStatusCode.OK), path);
        var otherScope = await SendAsync("POST", "/api/snapshot", token,
            """{"nodes": [{"id": "1", "type": "artist"}], "center": {"id": "1", "type": "artist"}}""");
        var noScope = new[] { ("GET", "/api/auth/me"), ("GET", "/api/user/app-tokens"), ("GET", "/api/user/recommendations"),
            ("POST", "/api/auth/logout") };
        var refused = new List<(HttpStatusCode, string?)>();
        foreach (var (method, path) in noScope)
            refused.Add(((await SendAsync(method, path, token)).Status, (await SendAsync(method, path, token)).Detail));

        Assert.That((otherScope.Status, otherScope.Body),
            Is.EqualTo((HttpStatusCode.Forbidden, """{"detail":"App token missing required scope(s): snapshots:write"}""")));
        Assert.That(refused, Has.All.EqualTo((HttpStatusCode.Unauthorized, "Invalid or expired token")),
            "a route without a scope reads it as a (bad) JWT");
    }

    [Test]
    public async Task Snapshot_and_sync_scopes_open_their_routes()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        var token = await MintAsync(login.AccessToken!, AppTokenScopes.SnapshotsWrite, AppTokenScopes.SyncTrigger);

        var snapshot = await SendAsync("POST", "/api/snapshot", token,
            """{"nodes": [{"id": "1", "type": "artist"}], "center": {"id": "1", "type": "artist"}}""");
        var status = await SendAsync("GET", "/api/sync/status", token);
        var collection = await SendAsync("GET", "/api/user/collection", token);

        Assert.That(snapshot.Status, Is.EqualTo(HttpStatusCode.Created), snapshot.Body);
        Assert.That(status.Status, Is.EqualTo(HttpStatusCode.OK), status.Body);
        Assert.That(collection.Detail, Is.EqualTo("App token missing required scope(s): collection:read"));
    }

    [TestCase("""{"name": "x", "scopes": ["admin", "collection:read", "everything"]}""", HttpStatusCode.BadRequest,
        """{"detail":"Unknown scope(s): admin, everything"}""")]
    [TestCase("""{"name": "   ", "scopes": ["collection:read"]}""", HttpStatusCode.BadRequest, """{"detail":"name must be non-empty"}""")]
    public async Task Unknown_scopes_and_blank_names_are_refused(string body, HttpStatusCode status, string detail)
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);

        var answer = await SendAsync("POST", "/api/user/app-tokens", login.AccessToken, body);

        Assert.That((answer.Status, answer.Body), Is.EqualTo((status, detail)));
    }

    [Test]
    public async Task An_empty_scope_list_and_a_long_name_are_pydantic_errors()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);

        var empty = await SendAsync("POST", "/api/user/app-tokens", login.AccessToken, """{"name": "x", "scopes": []}""");
        var longName = await SendAsync("POST", "/api/user/app-tokens", login.AccessToken,
            $$"""{"name": "{{new string('n', 256)}}", "scopes": ["collection:read"]}""");

        Assert.That(empty.Json.RootElement.GetProperty("detail")[0].GetProperty("msg").GetString(),
            Is.EqualTo("List should have at least 1 item after validation, not 0"));
        Assert.That(longName.Json.RootElement.GetProperty("detail")[0].GetProperty("type").GetString(), Is.EqualTo("string_too_long"));
    }

    [TestCase("not-a-uuid")]
    [TestCase("urn:uuid:12345678-1234-5678-1234-567812345678")]
    public async Task A_malformed_or_foreign_token_id_is_the_same_404(string tokenId)
    {
        var owner = await Accounts.RegisterAndLoginAsync(Client, Email);
        var id = (await SendAsync("POST", "/api/user/app-tokens", owner.AccessToken,
            """{"name": "mine", "scopes": ["collection:read"]}""")).Json.RootElement.GetProperty("id").GetString();
        using var other = Accounts.NewClient();
        var stranger = await Accounts.RegisterAndLoginAsync(other, "stranger@example.com");

        var foreign = await SendAsync("DELETE", $"/api/user/app-tokens/{id}", stranger.AccessToken);
        var malformed = await SendAsync("DELETE", $"/api/user/app-tokens/{Uri.EscapeDataString(tokenId)}", owner.AccessToken);

        Assert.That((foreign.Status, foreign.Body), Is.EqualTo((HttpStatusCode.NotFound, """{"detail":"Token not found"}""")));
        Assert.That((malformed.Status, malformed.Body), Is.EqualTo((HttpStatusCode.NotFound, """{"detail":"Token not found"}""")));
    }

    [Test]
    public async Task A_password_change_and_a_deactivation_revoke_every_token()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        var first = await MintAsync(login.AccessToken!, AppTokenScopes.CollectionRead);
        await SendAsync("POST", "/api/auth/change-password", login.AccessToken,
            $$"""{"current_password": "{{Accounts.Password}}", "new_password": "a changed password"}""");
        var afterChange = await SendAsync("GET", "/api/user/collection", first);
        var relogin = await Client.SendAsync(new Login { Email = Email, Password = "a changed password" });
        var second = await MintAsync(relogin.AccessToken!, AppTokenScopes.CollectionRead);
        await Accounts.RegisterAdminAsync(Client, "root@example.com");
        await Client.SendAsync(new UpdateAdminUser { Id = await Accounts.IdOfAsync(Email), IsActive = false });
        var afterDeactivation = await SendAsync("GET", "/api/user/collection", second);

        Assert.That(afterChange.Detail, Is.EqualTo("Invalid or revoked app token"));
        Assert.That(afterDeactivation.Detail, Is.EqualTo("Invalid or revoked app token"));
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM app_tokens WHERE revoked_at IS NULL"), Is.Zero,
            "both revoked, not only unusable");
    }

    [Test]
    public async Task An_administrator_lists_and_revokes_a_users_tokens()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        var token = await MintAsync(login.AccessToken!, AppTokenScopes.CollectionRead);
        var userId = await Accounts.IdOfAsync(Email);
        await Accounts.RegisterAdminAsync(Client, "root@example.com");

        var detail = await Client.SendAsync(new GetAdminUser { Id = userId });
        await Client.SendAsync(new RevokeAdminUserAppToken { Id = userId, TokenId = detail.AppTokens.Single().Id });
        var used = await SendAsync("GET", "/api/user/collection", token);

        Assert.That(detail.AppTokens.Single().Scopes, Is.EqualTo(new[] { AppTokenScopes.CollectionRead }));
        Assert.That(used.Detail, Is.EqualTo("Invalid or revoked app token"));
        Assert.That((await Client.SendAsync(new GetAdminUser { Id = userId })).AppTokens, Is.Empty);
    }

    [Test]
    public async Task Each_token_has_its_own_limit_of_60_requests_a_minute()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        var busy = await MintAsync(login.AccessToken!, AppTokenScopes.CollectionRead);
        var quiet = await MintAsync(login.AccessToken!, AppTokenScopes.CollectionRead);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++)
            statuses.Add((await SendAsync("GET", "/api/user/collection/stats", busy)).Status);
        var limited = await SendAsync("GET", "/api/user/collection/stats", busy);

        Assert.That(statuses.Take(60), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That((statuses[60], limited.Body),
            Is.EqualTo((HttpStatusCode.TooManyRequests, """{"error":"Rate limit exceeded: 60 per 1 minute"}""")));
        Assert.That((await SendAsync("GET", "/api/user/collection/stats", quiet)).Status, Is.EqualTo(HttpStatusCode.OK),
            "another token is not limited");
        Assert.That((await SendAsync("GET", "/api/user/collection/stats", login.AccessToken)).Status, Is.EqualTo(HttpStatusCode.OK),
            "nor is the user's JWT");
    }

    private async Task<string> MintAsync(string accessToken, params string[] scopes)
    {
        var answer = await SendAsync("POST", "/api/user/app-tokens", accessToken, JsonSerializer.Serialize(new { name = "token", scopes }));
        return answer.Json.RootElement.GetProperty("token").GetString()!;
    }

    private async Task<Answer> SendAsync(string method, string path, string? bearer, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (bearer is not null)
            request.Headers.Authorization = new("Bearer", bearer);
        using var response = await Http.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.WwwAuthenticate.ToString());
    }

    private sealed record Answer(HttpStatusCode Status, string Body, string WwwAuthenticate)
    {
        public JsonDocument Json => JsonDocument.Parse(Body);

        public string? Detail => Body.StartsWith('{') && Json.RootElement.TryGetProperty("detail", out var d)
            && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
    }
}
