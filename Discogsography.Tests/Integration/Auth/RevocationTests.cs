using System.Net;
using Dapper;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>
/// A revocation is never lost with Redis: PostgreSQL keeps the record and Redis gets it again when it lost its data,
/// keys live as long as the tokens they cover, a Redis failure mid-way is reported and repaired by doing the same
/// action again, and the servers the scripts start keep Redis's data across restarts.
/// </summary>
public sealed class RevocationTests : ApiTest
{
    [Test]
    public async Task A_logged_out_token_stays_refused_after_Redis_lost_its_data()
    {
        await Accounts.RegisterAndLoginAsync(Client, "gone@example.com");
        await Client.SendAsync(new Logout());

        await TestServers.Redis.FlushAsync();
        var refused = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetMe()))!;

        Assert.That((refused.StatusCode, refused.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Token has been revoked")));
        Assert.That(Host.Logs.Lines, Has.Some.Contains("had lost its revocations"));
    }

    [Test]
    public async Task The_tokens_of_an_ended_session_stay_refused_after_Redis_lost_its_data()
    {
        await Accounts.RegisterAndLoginAsync(Client, "two@example.com");
        using var laptop = Accounts.NewClient();
        laptop.BearerToken = (await laptop.SendAsync(new Login { Email = "two@example.com", Password = Accounts.Password })).AccessToken;
        var laptopSession = (await Client.SendAsync(new ListSessions())).Sessions.Single(s => !s.Current).Id;
        await Client.SendAsync(new EndSession { Id = laptopSession });

        await TestServers.Redis.FlushAsync();

        Assert.That(Assert.ThrowsAsync<ApiException>(() => laptop.SendAsync(new GetMe()))!.ErrorMessage,
            Is.EqualTo("Token has been revoked"));
        Assert.DoesNotThrowAsync(() => Client.SendAsync(new GetMe()), "the session still open is not touched");
    }

    [Test]
    public async Task A_revocation_lasts_as_long_as_the_token_even_one_issued_with_a_longer_lifetime()
    {
        var id = (await Accounts.CreateDirectlyAsync("python@example.com"))!.Value;
        Client.BearerToken = TestTokens.Create(id.ToString(), jti: "python-issued-jti", expiresAt: DateTimeOffset.UtcNow.AddHours(2));

        await Client.SendAsync(new Logout());

        var ttl = await TestServers.Redis.TimeToLiveAsync(RedisKeys.RevokedToken("python-issued-jti"));
        Assert.That(ttl, Is.GreaterThan(TimeSpan.FromMinutes(119)).And.LessThanOrEqualTo(TimeSpan.FromHours(2)));
    }

    [Test]
    public async Task Ending_sessions_again_writes_back_a_revocation_that_was_lost()
    {
        using var admin = Accounts.NewClient();
        await Accounts.RegisterAdminAsync(admin, "admin@example.com");
        var member = await Accounts.RegisterAndLoginAsync(Client, "member@example.com");
        var memberId = await Accounts.IdOfAsync("member@example.com");
        await admin.SendAsync(new EndAdminUserSessions { Id = memberId });
        await TestServers.Redis.DeleteAsync(RedisKeys.RevokedSession(await SessionOfAsync(memberId)));
        Assert.DoesNotThrowAsync(() => Client.SendAsync(new GetMe()), "the lost key lets the token through");

        var again = await admin.SendAsync(new EndAdminUserSessions { Id = memberId });

        Assert.That(again.SessionsEnded, Is.Zero, "no session was still active");
        Assert.That(Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetMe()))!.ErrorMessage,
            Is.EqualTo("Token has been revoked"));
        Assert.That(member.AccessToken, Is.Not.Empty);
    }

    [Test]
    public async Task A_Redis_failure_after_the_session_ended_is_reported_and_doing_it_again_repairs_it()
    {
        // A real Redis that reads everything but refuses writes of revocation keys, as a failing Redis would mid-way.
        await using var redis = await RedisServerProcess.StartAsync();
        await redis.SetUserAsync("api", "on", ">api-password", "~*", "&*", "+@all");
        await using var host = await TestHost.StartAsync(SettingsOnFreshPorts() with { RedisUrl = redis.UrlFor("api", "api-password") });
        using var admin = new JsonApiClient(host.ApiUrl.ToString());
        using var member = new JsonApiClient(host.ApiUrl.ToString());
        await Accounts.RegisterAdminAsync(admin, "admin@example.com");
        await Accounts.RegisterAndLoginAsync(member, "member@example.com");
        var memberId = await Accounts.IdOfAsync("member@example.com");
        await admin.SendAsync(new GetMe());
        await redis.SetUserAsync("api", "resetkeys", "%R~*", "%W~ratelimit:*", "%W~session:*", "%W~refresh:*");

        var failed = Assert.ThrowsAsync<ApiException>(() => admin.SendAsync(new EndAdminUserSessions { Id = memberId }))!;
        await redis.SetUserAsync("api", "~*");
        var repaired = await admin.SendAsync(new EndAdminUserSessions { Id = memberId });

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "the failure is reported, not swallowed");
        Assert.That(await SessionOfAsync(memberId, ended: true), Is.Not.EqualTo(Guid.Empty), "PostgreSQL recorded the end");
        Assert.That(repaired.SessionsEnded, Is.Zero);
        Assert.That(Assert.ThrowsAsync<ApiException>(() => member.SendAsync(new GetMe()))!.ErrorMessage,
            Is.EqualTo("Token has been revoked"));
        Assert.That(host.Logs.Lines, Has.Some.Contains("Writing a revocation failed (attempt 2)"), "retried before giving up");
    }

    [Test]
    public async Task A_Redis_restarted_without_its_data_is_refilled_before_it_answers()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var host = await TestHost.StartAsync(SettingsOnFreshPorts() with { RedisUrl = redis.Url });
        using var member = new JsonApiClient(host.ApiUrl.ToString());
        await Accounts.RegisterAndLoginAsync(member, "member@example.com");
        var loggedOut = member.BearerToken;
        await member.SendAsync(new Logout());

        await redis.StopAsync();
        await redis.StartAgainAsync();
        member.BearerToken = loggedOut;

        Assert.That(Assert.ThrowsAsync<ApiException>(() => member.SendAsync(new GetMe()))!.ErrorMessage,
            Is.EqualTo("Token has been revoked"));
    }

    [Test]
    public async Task The_Redis_the_scripts_start_keeps_its_data_and_never_evicts_a_key()
    {
        var persistence = await TestServers.Redis.ConfigAsync("appendonly");
        var eviction = await TestServers.Redis.ConfigAsync("maxmemory-policy");

        Assert.That((persistence, eviction), Is.EqualTo(("yes", "noeviction")));
    }

    private static async Task<Guid> SessionOfAsync(Guid userId, bool ended = true)
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Guid>(
            "SELECT id FROM auth_sessions WHERE user_id = @userId AND (ended_at IS NOT NULL) = @ended ORDER BY created_at DESC LIMIT 1",
            new { userId, ended });
    }
}
