using System.Net;
using Dapper;
using Discogsography.ServiceInterface.Auth;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>Refresh tokens, sessions and password changes (the Lanterne Rouge seed).</summary>
public sealed class SessionTests : ApiTest
{
    private const string Email = "sessions@example.com";

    [Test]
    public async Task Refreshing_rotates_the_refresh_token_and_the_new_access_token_works()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);

        var refreshed = await Client.SendAsync(new RefreshSession { RefreshToken = login.RefreshToken! });
        Client.BearerToken = refreshed.AccessToken;

        Assert.That(refreshed.RefreshToken, Is.Not.EqualTo(login.RefreshToken));
        Assert.That(refreshed.AccessToken, Is.Not.EqualTo(login.AccessToken));
        Assert.That((await Client.SendAsync(new GetMe())).Email, Is.EqualTo(Email));
    }

    [Test]
    public async Task Reusing_a_rotated_refresh_token_after_the_grace_period_ends_the_whole_session()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        var refreshed = await Client.SendAsync(new RefreshSession { RefreshToken = login.RefreshToken! });
        Host.Clock.Advance(AuthSessions.RefreshGrace + TimeSpan.FromSeconds(1));

        var reuse = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new RefreshSession { RefreshToken = login.RefreshToken! }))!;

        Assert.That(reuse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Client.BearerToken = refreshed.AccessToken;
        var access = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetMe()))!;
        Assert.That(access.ErrorMessage, Is.EqualTo("Token has been revoked"), "the thief's and the owner's access tokens both die");
        var next = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new RefreshSession { RefreshToken = refreshed.RefreshToken! }))!;
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the latest refresh token is dead too");
    }

    [Test]
    public async Task Two_tabs_refreshing_the_same_token_at_once_both_get_the_same_new_pair_and_the_session_lives()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2)
            .Select(_ => Client.SendAsync(new RefreshSession { RefreshToken = login.RefreshToken! })));
        var again = await Client.SendAsync(new RefreshSession { RefreshToken = login.RefreshToken! });

        Assert.That(answers.Select(a => (a.AccessToken, a.RefreshToken)).Distinct().Count(), Is.EqualTo(1));
        Assert.That((again.AccessToken, again.RefreshToken), Is.EqualTo((answers[0].AccessToken, answers[0].RefreshToken)),
            "a retry within seconds too");
        Client.BearerToken = answers[0].AccessToken;
        Assert.That((await Client.SendAsync(new GetMe())).Email, Is.EqualTo(Email));
        var next = await Client.SendAsync(new RefreshSession { RefreshToken = answers[0].RefreshToken! });
        Assert.That(next.RefreshToken, Is.Not.EqualTo(answers[0].RefreshToken), "the shared new token rotates as usual");
    }

    [Test]
    public async Task A_session_ends_after_SESSION_MAX_DAYS_however_often_it_is_refreshed()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);
        var refreshToken = login.RefreshToken!;
        for (var day = 20; day <= 80; day += 20)
        {
            Host.Clock.Advance(TimeSpan.FromDays(20));
            refreshToken = (await Client.SendAsync(new RefreshSession { RefreshToken = refreshToken })).RefreshToken!;
        }
        Host.Clock.Advance(TimeSpan.FromDays(11));

        var expired = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new RefreshSession { RefreshToken = refreshToken }))!;

        Assert.That((expired.StatusCode, expired.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Session has ended or expired")));
    }

    [Test]
    public void An_unknown_refresh_token_is_401()
    {
        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new RefreshSession { RefreshToken = "made-up" }))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Invalid refresh token")));
    }

    [Test]
    public async Task Refresh_tokens_are_stored_only_as_SHA_256_hashes()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);

        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var hashes = (await connection.QueryAsync<string>("SELECT token_hash FROM auth_refresh_tokens")).ToArray();
        Assert.That(hashes, Is.EqualTo(new[] { AuthSessions.HashOf(login.RefreshToken!) }));
        Assert.That(await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM auth_sessions s, auth_refresh_tokens t WHERE s.user_agent = @token OR t.token_hash = @token",
            new { token = login.RefreshToken }), Is.Zero);
    }

    [Test]
    public async Task The_session_list_shows_each_login_with_the_current_one_marked()
    {
        await Accounts.RegisterAndLoginAsync(Client, Email);
        using var other = Accounts.NewClient();
        await other.SendAsync(new Login { Email = Email, Password = Accounts.Password });

        var sessions = (await Client.SendAsync(new ListSessions())).Sessions;

        Assert.That(sessions, Has.Count.EqualTo(2));
        Assert.That(sessions.Count(s => s.Current), Is.EqualTo(1));
        Assert.That(sessions.Select(s => s.Ip), Is.All.EqualTo("127.0.0.1"));
        Assert.That(sessions.All(s => s.ExpiresAt > DateTimeOffset.UtcNow.AddDays(29)), Is.True);
    }

    [Test]
    public async Task Ending_a_session_stops_its_access_tokens_at_once()
    {
        await Accounts.RegisterAndLoginAsync(Client, Email);
        using var laptop = Accounts.NewClient();
        laptop.BearerToken = (await laptop.SendAsync(new Login { Email = Email, Password = Accounts.Password })).AccessToken;
        var laptopSession = (await Client.SendAsync(new ListSessions())).Sessions.Single(s => !s.Current);

        await Client.SendAsync(new EndSession { Id = laptopSession.Id });

        var error = Assert.ThrowsAsync<ApiException>(() => laptop.SendAsync(new GetMe()))!;
        Assert.That(error.ErrorMessage, Is.EqualTo("Token has been revoked"));
        Assert.That((await Client.SendAsync(new ListSessions())).Sessions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Another_users_session_cannot_be_ended_and_looks_like_an_unknown_one()
    {
        await Accounts.RegisterAndLoginAsync(Client, Email);
        using var mallory = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(mallory, "mallory@example.com");
        var victimSession = (await Client.SendAsync(new ListSessions())).Sessions.Single();

        var error = Assert.ThrowsAsync<ApiException>(() => mallory.SendAsync(new EndSession { Id = victimSession.Id }))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.NotFound, "Session not found")));
        Assert.DoesNotThrowAsync(() => Client.SendAsync(new GetMe()));
    }

    [Test]
    public async Task Logout_ends_the_current_session()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, Email);

        await Client.SendAsync(new Logout());

        var refresh = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new RefreshSession { RefreshToken = login.RefreshToken! }))!;
        Assert.That(refresh.ErrorMessage, Is.EqualTo("Session has ended or expired"));
    }

    [Test]
    public async Task Changing_the_password_keeps_this_session_and_ends_all_others()
    {
        await Accounts.RegisterAndLoginAsync(Client, Email);
        using var phone = Accounts.NewClient();
        phone.BearerToken = (await phone.SendAsync(new Login { Email = Email, Password = Accounts.Password })).AccessToken;

        var changed = await Client.SendAsync(new ChangePassword { CurrentPassword = Accounts.Password,
            NewPassword = "a brand new password" });

        Assert.That((changed.Changed, changed.SessionsEnded), Is.EqualTo((true, 1)));
        Assert.DoesNotThrowAsync(() => Client.SendAsync(new GetMe()));
        Assert.That(Assert.ThrowsAsync<ApiException>(() => phone.SendAsync(new GetMe()))!.ErrorMessage,
            Is.EqualTo("Token has been revoked"));
        Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new Login { Email = Email, Password = Accounts.Password }));
        Assert.DoesNotThrowAsync(() => Client.SendAsync(new Login { Email = Email, Password = "a brand new password" }));
    }

    [Test]
    public async Task A_wrong_current_password_or_a_short_new_one_changes_nothing()
    {
        await Accounts.RegisterAndLoginAsync(Client, Email);

        var wrong = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new ChangePassword { CurrentPassword = "nope", NewPassword = "long enough now" }))!;
        var shortOne = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new ChangePassword { CurrentPassword = Accounts.Password, NewPassword = "short" }))!;

        Assert.That((wrong.StatusCode, wrong.ErrorMessage), Is.EqualTo((HttpStatusCode.BadRequest, "Current password is incorrect")));
        Assert.That(shortOne.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.DoesNotThrowAsync(() => Client.SendAsync(new Login { Email = Email, Password = Accounts.Password }));
    }

    [Test]
    public async Task A_session_id_that_is_not_a_UUID_is_a_422()
    {
        await Accounts.RegisterAndLoginAsync(Client, Email);
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/auth/sessions/not-a-uuid");
        request.Headers.Authorization = new("Bearer", Client.BearerToken);
        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("uuid_parsing"));
    }
}
