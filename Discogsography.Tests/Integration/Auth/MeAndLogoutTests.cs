using System.Net;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Pipeline;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>REFERENCE-API.md §4.4–4.5, §3.4 and §15.4–15.5, with revocation enforced everywhere.</summary>
public sealed class MeAndLogoutTests : ApiTest
{
    [Test]
    public async Task Me_returns_the_account_with_an_ISO_created_at()
    {
        await Accounts.RegisterAndLoginAsync(Client, "me@example.com");

        var me = await Client.SendAsync(new GetMe());
        var raw = await RawMeAsync(Client.BearerToken!);

        Assert.That((me.Email, me.IsActive, me.IsAdmin), Is.EqualTo(("me@example.com", true, false)));
        Assert.That(raw, Does.Match("\"created_at\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00\""));
    }

    [Test]
    public void Me_for_a_valid_token_without_a_user_row_is_404()
    {
        Client.BearerToken = TestTokens.Create(Guid.NewGuid().ToString());

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetMe()))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.NotFound, "User not found")));
    }

    [Test]
    public async Task A_correctly_signed_token_without_sub_is_Invalid_token_without_a_challenge()
    {
        var token = ServiceInterface.Auth.JwtCodec.FromSecret(TestTokens.Secret)
            .Encode($$"""{"email":"x@example.com","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"detail":"Invalid token"}"""));
        Assert.That(response.Headers.WwwAuthenticate, Is.Empty);
    }

    [Test]
    public async Task Logout_revokes_the_token_with_the_reference_key_and_ttl_and_it_is_refused_everywhere()
    {
        await Accounts.RegisterAndLoginAsync(Client, "out@example.com");
        var claims = await ServiceInterface.Auth.JwtCodec.FromSecret(TestTokens.Secret).DecodeAsync(Client.BearerToken!);

        var logout = await Client.SendAsync(new Logout());

        var ttl = await TestServers.Redis.TimeToLiveAsync(RedisKeys.RevokedToken(claims.TokenId!));
        Assert.That(logout.LoggedOut, Is.True);
        Assert.That(await TestServers.Redis.GetAsync(RedisKeys.RevokedToken(claims.TokenId!)), Is.EqualTo("1"));
        Assert.That(ttl, Is.GreaterThan(TimeSpan.FromMinutes(29)).And.LessThanOrEqualTo(TimeSpan.FromMinutes(30)));
        foreach (IReturn request in new IReturn[] { new GetMe(), new Logout(), new ListSessions(), new GetSecureProbe() })
        {
            var error = Assert.ThrowsAsync<ApiException>(() => SendAsync(request))!;
            Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Token has been revoked")),
                request.GetType().Name);
        }
    }

    [Test]
    public async Task Logout_of_a_reference_token_without_jti_still_answers_logged_out()
    {
        Client.BearerToken = TestTokens.Create("00000000-0000-0000-0000-000000000001");

        var logout = await Client.SendAsync(new Logout());

        Assert.That(logout.LoggedOut, Is.True);
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        Assert.That(await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT action FROM audit_log WHERE user_id IS NULL"),
            Is.EqualTo(ServiceModel.AuditActions.Logout),
            "the user of this token has no row; the logout is still audited");
    }

    [Test]
    public void Logout_without_credentials_is_401()
    {
        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new Logout()))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Not authenticated")));
    }

    private Task SendAsync(IReturn request) => request switch
    {
        GetMe me => Client.SendAsync(me),
        Logout logout => Client.SendAsync(logout),
        ListSessions sessions => Client.SendAsync(sessions),
        GetSecureProbe probe => Client.SendAsync(probe),
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };

    private async Task<string> RawMeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
