using System.Net;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>The C# <see cref="JsonApiClient"/> renews an expired access token with its refresh token, once, and retries.</summary>
public sealed class TypedClientRefreshTests : ApiTest
{
    private LoginResponse login = null!;

    [SetUp]
    public async Task SignInAsync()
    {
        login = await Accounts.RegisterAndLoginAsync(Client, "refresher@example.com");
        Client.RefreshToken = login.RefreshToken;
    }

    [Test]
    public async Task An_expired_access_token_is_refreshed_and_the_request_retried()
    {
        LoginResponse? refreshed = null;
        Client.TokensRefreshed = tokens => refreshed = tokens;
        Host.Clock.Advance(TimeSpan.FromMinutes(31));

        var me = await Client.SendAsync(new GetMe());

        Assert.That(me.Email, Is.EqualTo("refresher@example.com"));
        Assert.That(refreshed, Is.Not.Null);
        Assert.That((Client.BearerToken, Client.RefreshToken), Is.EqualTo((refreshed!.AccessToken, refreshed.RefreshToken)));
        Assert.That(Client.RefreshToken, Is.Not.EqualTo(login.RefreshToken));
    }

    [Test]
    public async Task Concurrent_requests_with_an_expired_token_share_one_refresh_and_keep_the_session()
    {
        var refreshes = 0;
        Client.TokensRefreshed = _ => Interlocked.Increment(ref refreshes);
        Host.Clock.Advance(TimeSpan.FromMinutes(31));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client.SendAsync(new GetMe())));

        Assert.That(answers.Select(a => a.Email), Is.All.EqualTo("refresher@example.com"));
        Assert.That(refreshes, Is.EqualTo(1), "a rotated refresh token presented twice would have ended the session");
        Assert.That((await Client.SendAsync(new ListSessions())).Sessions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Without_a_usable_refresh_token_the_401_is_raised_and_the_token_forgotten()
    {
        Client.RefreshToken = "not-a-refresh-token";
        Host.Clock.Advance(TimeSpan.FromMinutes(31));

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetMe()))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Invalid or expired token")));
        Assert.That(Client.RefreshToken, Is.Null);
    }

    [Test]
    public void A_wrong_password_is_not_retried_as_an_expired_token()
    {
        var error = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new Login { Email = "refresher@example.com", Password = "wrong password" }))!;

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Client.RefreshToken, Is.EqualTo(login.RefreshToken));
    }
}
