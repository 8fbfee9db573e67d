using Discogsography.ServiceInterface.Discogs;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Discogs;

/// <summary>The Discogs client against the fake: signing, retries, and errors that name the status but never the body.</summary>
public sealed class DiscogsClientTests : ApiTest
{
    private static readonly OAuthCredentials App = new(FakeDiscogs.ConsumerKey, FakeDiscogs.ConsumerSecret);

    private static DiscogsClient Discogs => Host.Services.GetRequiredService<DiscogsClient>();

    [Test]
    public async Task A_request_token_is_fetched_with_the_user_agent_and_a_valid_signature()
    {
        var pair = await Discogs.GetRequestTokenAsync(App, CancellationToken.None);

        var request = TestServers.Discogs.Requests.Single();
        Assert.That(pair.Token, Does.StartWith("req-"));
        Assert.That((request.Method, request.PathAndQuery), Is.EqualTo(("GET", "/oauth/request_token")));
        Assert.That(request.UserAgent, Is.EqualTo("discogsography/1.0 +https://github.com/SimplicityGuy/discogsography"));
        Assert.That(request.OAuth["oauth_nonce"], Does.Match("^[0-9a-f]{32}$"));
        Assert.That(request.OAuth["oauth_version"], Is.EqualTo("1.0"));
    }

    [Test]
    public void A_refusal_names_the_status_and_never_the_body()
    {
        TestServers.Discogs.FailNext("/oauth/request_token", 401);

        var error = Assert.ThrowsAsync<DiscogsException>(() => Discogs.GetRequestTokenAsync(App, CancellationToken.None))!;

        Assert.That(error.Message, Is.EqualTo("Failed to get request token: HTTP 401"));
        Assert.That(error.Message, Does.Not.Contain(FakeDiscogs.LeakyBody));
    }

    [Test]
    public void A_wrong_consumer_secret_is_refused_by_the_signature_check()
    {
        var error = Assert.ThrowsAsync<DiscogsException>(() =>
            Discogs.GetRequestTokenAsync(App with { ConsumerSecret = "wrong" }, CancellationToken.None))!;

        Assert.That(error.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task Server_errors_and_429s_are_retried_with_a_fresh_signature_each_time()
    {
        TestServers.Discogs.FailNext("/oauth/request_token", 503);
        TestServers.Discogs.FailNext("/oauth/request_token", 429, retryAfter: "1");

        var started = DateTimeOffset.UtcNow;
        var pair = await Discogs.GetRequestTokenAsync(App, CancellationToken.None);

        var attempts = TestServers.Discogs.Requests;
        Assert.That(pair.Token, Does.StartWith("req-"));
        Assert.That(attempts, Has.Count.EqualTo(3));
        Assert.That(attempts.Select(a => a.OAuth["oauth_nonce"]).Distinct().Count(), Is.EqualTo(3));
        Assert.That(DateTimeOffset.UtcNow - started, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "Retry-After: 1 was honoured");
    }

    [Test]
    public void After_the_retries_the_last_status_is_reported()
    {
        for (var i = 0; i < 4; i++)
            TestServers.Discogs.FailNext("/oauth/request_token", 500);

        var error = Assert.ThrowsAsync<DiscogsException>(() => Discogs.GetRequestTokenAsync(App, CancellationToken.None))!;

        Assert.That(error.Message, Is.EqualTo("Failed to get request token: HTTP 500"));
        Assert.That(TestServers.Discogs.Requests, Has.Count.EqualTo(4), "one attempt and three retries");
    }

    [Test]
    public async Task An_unreachable_Discogs_raises_a_clear_unreachable_error()
    {
        var settings = Host.Settings.Discogs with { ApiUrl = $"http://127.0.0.1:{Ports.Free()}" };
        var client = new DiscogsClient(new HttpClient(), settings,
            DiscogsRetryPolicy.Create(new DiscogsRetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(10) },
                TimeProvider.System), TimeProvider.System);

        var error = Assert.ThrowsAsync<DiscogsUnreachableException>(() => client.GetRequestTokenAsync(App, CancellationToken.None))!;

        Assert.That(error.Message, Does.StartWith("Could not reach Discogs at http://127.0.0.1:"));
        await Task.CompletedTask;
    }

    [Test]
    public void An_identity_refusal_names_its_status()
    {
        var error = Assert.ThrowsAsync<DiscogsException>(() =>
            Discogs.GetIdentityAsync(new OAuth1Auth(App with { Token = "unknown", TokenSecret = "x" }), CancellationToken.None))!;

        Assert.That(error.Message, Is.EqualTo("Failed to fetch Discogs identity: HTTP 401"));
    }
}
