using System.Net;
using Dapper;
using Discogsography.ServiceInterface.Security;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Discogs;

/// <summary>REFERENCE-API.md §4.6 and §15.7 end to end, through the typed client, against the fake Discogs.</summary>
public sealed class OAuthFlowTests : ApiTest
{
    [SetUp]
    public async Task SignInAsync() => await Accounts.RegisterAndLoginAsync(Client, "collector@example.com");

    [Test]
    public void Without_app_credentials_authorize_and_verify_answer_their_exact_503s()
    {
        var authorize = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new AuthorizeDiscogs()))!;
        var verify = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new VerifyDiscogs { State = "s", OauthVerifier = "v" }))!;

        Assert.That((authorize.StatusCode, authorize.ResponseBody), Is.EqualTo((HttpStatusCode.ServiceUnavailable,
            """{"detail":"Discogs app credentials not configured. Ask an admin to run discogs-setup on the API container."}""")));
        Assert.That(verify.ResponseBody, Is.EqualTo("""{"detail":"Discogs app credentials not configured"}"""));
    }

    [Test]
    public async Task The_full_flow_connects_the_account_and_stores_encrypted_tokens()
    {
        await ConfigureAppCredentialsAsync();

        var authorize = await Client.SendAsync(new AuthorizeDiscogs());
        var verifier = TestServers.Discogs.Approve(authorize.State);
        var verified = await Client.SendAsync(new VerifyDiscogs { State = authorize.State, OauthVerifier = verifier });
        var status = await Client.SendAsync(new GetDiscogsStatus());

        Assert.Multiple(async () =>
        {
            Assert.That(authorize.AuthorizeUrl,
                Is.EqualTo($"{TestServers.Discogs.Url.ToString().TrimEnd('/')}/oauth/authorize?oauth_token={authorize.State}"));
            Assert.That(authorize.ExpiresIn, Is.EqualTo(600));
            Assert.That((verified.Connected, verified.DiscogsUsername, verified.DiscogsUserId),
                Is.EqualTo((true, "discogs_user", "12345")));
            Assert.That((status.Connected, status.DiscogsUsername, status.DiscogsUserId), Is.EqualTo((true, "discogs_user", "12345")));
            Assert.That(status.ConnectedAt, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
            Assert.That(await TestServers.Redis.GetAsync(RedisKeys.OAuthState(authorize.State)), Is.Null, "the state is consumed");
        });
        var row = await StoredTokensAsync();
        var (issuedToken, issuedSecret) = TestServers.Discogs.IssuedAccessTokens.Single();
        var fernet = new Fernet(TestHost.EncryptionKey);
        Assert.That(row.AccessToken, Does.StartWith("gAAAAA").And.Not.EqualTo(issuedToken));
        Assert.That(fernet.DecryptString(row.AccessToken, DateTimeOffset.UtcNow), Is.EqualTo(issuedToken));
        Assert.That(fernet.DecryptString(row.AccessSecret, DateTimeOffset.UtcNow), Is.EqualTo(issuedSecret));
    }

    [Test]
    public async Task The_state_is_kept_in_the_reference_key_for_600_seconds()
    {
        await ConfigureAppCredentialsAsync();

        var authorize = await Client.SendAsync(new AuthorizeDiscogs());

        var ttl = await TestServers.Redis.TimeToLiveAsync(RedisKeys.OAuthState(authorize.State));
        Assert.That(ttl, Is.GreaterThan(TimeSpan.FromSeconds(590)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(600)));
    }

    [Test]
    public async Task A_wrong_verifier_is_400_and_keeps_the_state_for_another_try()
    {
        await ConfigureAppCredentialsAsync();
        var authorize = await Client.SendAsync(new AuthorizeDiscogs());
        var verifier = TestServers.Discogs.Approve(authorize.State);

        var wrong = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new VerifyDiscogs { State = authorize.State, OauthVerifier = "typo" }))!;
        var retried = await Client.SendAsync(new VerifyDiscogs { State = authorize.State, OauthVerifier = verifier });

        Assert.That((wrong.StatusCode, wrong.ErrorMessage),
            Is.EqualTo((HttpStatusCode.BadRequest, "Invalid verifier code or OAuth flow failed")));
        Assert.That(retried.Connected, Is.True);
    }

    [Test]
    public async Task An_expired_state_is_400()
    {
        await ConfigureAppCredentialsAsync();
        var authorize = await Client.SendAsync(new AuthorizeDiscogs());
        var key = RedisKeys.OAuthState(authorize.State);
        await TestServers.Redis.SetAsync(key, (await TestServers.Redis.GetAsync(key))!, TimeSpan.FromMilliseconds(50));
        await Task.Delay(200);

        var error = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new VerifyDiscogs { State = authorize.State, OauthVerifier = TestServers.Discogs.Approve(authorize.State) }))!;

        Assert.That((error.StatusCode, error.ErrorMessage),
            Is.EqualTo((HttpStatusCode.BadRequest, "OAuth state not found or expired. Please restart the OAuth flow.")));
    }

    [Test]
    public async Task Another_users_state_is_answered_like_an_unknown_one_and_stays_usable_by_its_owner()
    {
        await ConfigureAppCredentialsAsync();
        var authorize = await Client.SendAsync(new AuthorizeDiscogs());
        var verifier = TestServers.Discogs.Approve(authorize.State);
        using var mallory = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(mallory, "mallory@example.com");

        var stolen = Assert.ThrowsAsync<ApiException>(() =>
            mallory.SendAsync(new VerifyDiscogs { State = authorize.State, OauthVerifier = verifier }))!;
        var owner = await Client.SendAsync(new VerifyDiscogs { State = authorize.State, OauthVerifier = verifier });

        Assert.That((stolen.StatusCode, stolen.ErrorMessage),
            Is.EqualTo((HttpStatusCode.BadRequest, "OAuth state not found or expired. Please restart the OAuth flow.")));
        Assert.That(owner.Connected, Is.True);
        Assert.That((await mallory.SendAsync(new GetDiscogsStatus())).Connected, Is.False);
    }

    [Test]
    public async Task Revoking_forgets_the_connection_and_status_says_exactly_not_connected()
    {
        await ConnectAsync();

        var revoked = await Client.SendAsync(new RevokeDiscogs());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/oauth/status/discogs");
        request.Headers.Authorization = new("Bearer", Client.BearerToken);
        using var status = await Http.SendAsync(request);

        Assert.That(revoked.Revoked, Is.True);
        Assert.That(await status.Content.ReadAsStringAsync(), Is.EqualTo("""{"connected":false}"""));
        Assert.That((await Client.SendAsync(new RevokeDiscogs())).Revoked, Is.True, "revoking again is still {revoked: true}");
    }

    [Test]
    public async Task Discogs_refusing_the_request_token_is_502()
    {
        await ConfigureAppCredentialsAsync();
        TestServers.Discogs.FailNext("/oauth/request_token", 401);

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new AuthorizeDiscogs()))!;

        Assert.That((error.StatusCode, error.ResponseBody),
            Is.EqualTo((HttpStatusCode.BadGateway, """{"detail":"Failed to initiate Discogs OAuth"}""")));
    }

    [Test]
    public async Task An_unreachable_Discogs_is_a_502_saying_so_instead_of_a_500()
    {
        await using var host = await TestHost.StartAsync(SettingsOnFreshPorts() with { Discogs = new() { ApiUrl = $"http://127.0.0.1:{Ports.Free()}" } });
        await ConfigureAppCredentialsAsync();
        using var client = new JsonApiClient(host.ApiUrl.ToString()) { BearerToken = Client.BearerToken };

        var error = Assert.ThrowsAsync<ApiException>(() => client.SendAsync(new AuthorizeDiscogs()))!;

        Assert.That((error.StatusCode, error.ErrorMessage),
            Is.EqualTo((HttpStatusCode.BadGateway, "Could not reach Discogs; try again in a moment")));
    }

    [Test]
    public async Task Connecting_and_disconnecting_are_audited_without_tokens()
    {
        await ConnectAsync();
        await Client.SendAsync(new RevokeDiscogs());

        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(string Action, string Details)>(
            "SELECT action, details::text FROM audit_log WHERE action LIKE 'oauth%' ORDER BY id")).ToArray();
        Assert.That(rows.Select(r => r.Action), Is.EqualTo(new[] { "oauth_connect", "oauth_disconnect" }));
        foreach (var (token, secret) in TestServers.Discogs.IssuedAccessTokens)
            Assert.That(string.Join('\n', rows.Select(r => r.Details)), Does.Not.Contain(token).And.Not.Contain(secret));
    }

    [Test]
    public async Task Credentials_stored_in_plaintext_before_a_key_existed_still_work()
    {
        await using (var connection = await TestServers.Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO app_config (key, value) VALUES ('discogs_consumer_key', @key), ('discogs_consumer_secret', @secret)
                """, new { key = FakeDiscogs.ConsumerKey, secret = FakeDiscogs.ConsumerSecret });
        }

        Assert.DoesNotThrowAsync(() => Client.SendAsync(new AuthorizeDiscogs()));
    }

    private Task ConnectAsync() => DiscogsConnections.ConnectAsync(Client, Host, TestServers.Discogs);

    private static Task ConfigureAppCredentialsAsync() => DiscogsConnections.ConfigureAppCredentialsAsync(Host);

    private static async Task<(string AccessToken, string AccessSecret)> StoredTokensAsync()
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(string, string)>("SELECT access_token, access_secret FROM oauth_tokens");
    }
}
