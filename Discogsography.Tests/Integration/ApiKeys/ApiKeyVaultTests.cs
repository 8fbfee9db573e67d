using System.Net;
using System.Text;
using Dapper;
using Discogsography.ServiceInterface.Security;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.ApiKeys;

/// <summary>The API-key vault of the User Management seed, through the typed client as users call it.</summary>
public sealed class ApiKeyVaultTests : ApiTest
{
    private const string SpotifyToken = "BQC4YXsKD8-plaintext-spotify-token";

    [SetUp]
    public Task SignInAsync() => Accounts.RegisterAndLoginAsync(Client, "owner@example.com");

    [Test]
    public async Task A_key_can_be_created_listed_verified_updated_and_deleted()
    {
        var created = await Client.SendAsync(new CreateApiKey { ServiceName = "lastfm", ApiKey = "lastfm-key", ServiceUserId = "rj" });
        var listed = await Client.SendAsync(new ListApiKeys());
        var verified = await Client.SendAsync(new VerifyApiKey { ServiceName = "lastfm" });
        var updated = await Client.SendAsync(new UpdateApiKey { Id = created.Id, ServiceName = "lastfm", ApiKey = "rotated",
            ServiceUserId = null });
        await Client.SendAsync(new DeleteApiKey { Id = created.Id });

        Assert.That((created.ServiceName, created.ServiceUserId), Is.EqualTo(("lastfm", "rj")));
        Assert.That(listed.Select(k => (k.Id, k.ServiceName)), Is.EqualTo(new[] { (created.Id, "lastfm") }));
        Assert.That(verified.Status, Is.EqualTo("valid"));
        Assert.That((updated.Id, updated.ServiceUserId, updated.UpdatedAt > created.UpdatedAt),
            Is.EqualTo((created.Id, (string?)null, true)));
        Assert.That(await Client.SendAsync(new ListApiKeys()), Is.Empty);
    }

    [Test]
    public async Task Services_lists_the_names_of_the_stored_keys()
    {
        foreach (var service in new[] { "spotify", "trakt_client_id", "trakt_client_secret" })
            await Client.SendAsync(new CreateApiKey { ServiceName = service, ApiKey = "k-" + service });

        Assert.That(await Client.SendAsync(new ListApiKeyServices()),
            Is.EqualTo(new[] { "spotify", "trakt_client_id", "trakt_client_secret" }));
    }

    [Test]
    public async Task Keys_are_encrypted_at_rest_and_never_returned()
    {
        using var created = await SendRawAsync(HttpMethod.Post, "/api/users/api-keys",
            $$"""{"service_name":"spotify","api_key":"{{SpotifyToken}}"}""");
        using var listed = await SendRawAsync(HttpMethod.Get, "/api/users/api-keys");

        var stored = await StoredKeyAsync("spotify");
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await created.Content.ReadAsStringAsync(), Does.Not.Contain(SpotifyToken).And.Not.Contain("api_key"));
        Assert.That(await listed.Content.ReadAsStringAsync(), Does.Not.Contain(SpotifyToken).And.StartsWith("[{\"id\":"));
        Assert.That(stored, Is.Not.EqualTo(SpotifyToken).And.StartsWith("gAAAAA"));
        Assert.That(new Fernet(TestHost.EncryptionKey).DecryptString(stored, DateTimeOffset.UtcNow), Is.EqualTo(SpotifyToken));
    }

    [Test]
    public async Task One_key_per_service_a_second_is_the_seed_400()
    {
        await Client.SendAsync(new CreateApiKey { ServiceName = "steam", ApiKey = "one" });
        var other = await Client.SendAsync(new CreateApiKey { ServiceName = "psn", ApiKey = "two" });

        var created = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new CreateApiKey { ServiceName = "steam", ApiKey = "again" }))!;
        var renamed = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new UpdateApiKey { Id = other.Id, ServiceName = "steam", ApiKey = "x" }))!;

        Assert.That((created.StatusCode, created.ErrorMessage),
            Is.EqualTo((HttpStatusCode.BadRequest, "API key with this service name already exists")));
        Assert.That((renamed.StatusCode, renamed.ErrorMessage),
            Is.EqualTo((HttpStatusCode.BadRequest, "API key with this service name already exists")));
    }

    [TestCase("""{"api_key":"k"}""", "Service name is required")]
    [TestCase("""{"service_name":"  ","api_key":"k"}""", "Service name is required")]
    [TestCase("""{"service_name":"spotify"}""", "API key is required")]
    [TestCase("""{"service_name":"spotify","api_key":""}""", "API key is required")]
    [TestCase("""{"service_name":"myspace","api_key":"k"}""",
        "Unsupported service 'myspace'. Supported: spotify, lastfm, trakt_client_id, trakt_client_secret, steam, psn, xbox, retroachievements, discogs")]
    public async Task Missing_or_unsupported_fields_are_400_with_the_seed_messages(string body, string message)
    {
        using var response = await SendRawAsync(HttpMethod.Post, "/api/users/api-keys", body);

        Assert.That((response.StatusCode, await response.Content.ReadAsStringAsync()),
            Is.EqualTo((HttpStatusCode.BadRequest, $$"""{"detail":"{{message}}"}""")));
    }

    [Test]
    public async Task Another_user_can_neither_read_update_delete_nor_verify_my_keys()
    {
        var mine = await Client.SendAsync(new CreateApiKey { ServiceName = "xbox", ApiKey = "my-xbox-key", ServiceUserId = "xuid" });
        using var intruder = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(intruder, "intruder@example.com");

        var listed = await intruder.SendAsync(new ListApiKeys());
        var services = await intruder.SendAsync(new ListApiKeyServices());
        var update = Assert.ThrowsAsync<ApiException>(() =>
            intruder.SendAsync(new UpdateApiKey { Id = mine.Id, ServiceName = "xbox", ApiKey = "stolen" }))!;
        var delete = Assert.ThrowsAsync<ApiException>(() => intruder.SendAsync(new DeleteApiKey { Id = mine.Id }))!;
        var verify = Assert.ThrowsAsync<ApiException>(() => intruder.SendAsync(new VerifyApiKey { ServiceName = "xbox" }))!;

        Assert.That((listed, services), Is.EqualTo((Array.Empty<ApiKeyInfo>(), Array.Empty<string>())));
        Assert.That(new[] { update, delete, verify }.Select(e => (e.StatusCode, e.ErrorMessage)),
            Is.All.EqualTo((HttpStatusCode.NotFound, "Not found")));
        Assert.That(new Fernet(TestHost.EncryptionKey).DecryptString(await StoredKeyAsync("xbox"), DateTimeOffset.UtcNow),
            Is.EqualTo("my-xbox-key"));
    }

    [Test]
    public void Verifying_a_service_without_a_key_is_404()
    {
        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new VerifyApiKey { ServiceName = "retroachievements" }))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.NotFound, "Not found")));
    }

    [Test]
    public async Task Changes_are_audited_without_the_key()
    {
        var created = await Client.SendAsync(new CreateApiKey { ServiceName = "spotify", ApiKey = SpotifyToken });
        await Client.SendAsync(new UpdateApiKey { Id = created.Id, ServiceName = "spotify", ApiKey = SpotifyToken + "-2" });
        await Client.SendAsync(new DeleteApiKey { Id = created.Id });

        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var entries = (await connection.QueryAsync<(string Action, string Details)>(
            "SELECT action, details::text FROM audit_log WHERE action LIKE 'api_key%' ORDER BY id")).ToList();
        Assert.That(entries.Select(e => e.Action), Is.EqualTo(new[] { "api_key_created", "api_key_updated", "api_key_deleted" }));
        Assert.That(entries.Select(e => e.Details), Has.All.Contain("\"service_name\": \"spotify\"").And.All.Not.Contain(SpotifyToken));
    }

    [Test]
    public async Task A_revoked_token_cannot_use_the_vault()
    {
        await Client.SendAsync(new Logout());

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new ListApiKeys()))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Token has been revoked")));
    }

    [Test]
    public async Task Without_an_encryption_key_nothing_is_stored_in_plaintext()
    {
        var settings = TestHost.SettingsFor(Host.Settings.Postgres, TestServers.RedisUrl) with { OAuthEncryptionKey = null };
        await using var host = await TestHost.StartAsync(settings);
        using var client = new JsonApiClient(new HttpClient { BaseAddress = host.ApiUrl }) { BearerToken = Client.BearerToken };

        var error = Assert.ThrowsAsync<ApiException>(() =>
            client.SendAsync(new CreateApiKey { ServiceName = "spotify", ApiKey = SpotifyToken }))!;

        Assert.That((error.StatusCode, error.ErrorMessage),
            Is.EqualTo((HttpStatusCode.ServiceUnavailable,
                "API keys cannot be stored: OAUTH_ENCRYPTION_KEY is not configured on the server")));
        Assert.That(await client.SendAsync(new ListApiKeys()), Is.Empty);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.Authorization = new("Bearer", Client.BearerToken);
        return await Http.SendAsync(request);
    }

    private static async Task<string> StoredKeyAsync(string service)
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<string>("SELECT encrypted_key FROM user_api_keys WHERE service_name = @service",
            new { service });
    }
}
