using System.Net;
using System.Net.Http.Headers;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Pipeline;

/// <summary>Auth attributes and rate limits declared on DTOs, enforced by the pipeline.</summary>
public sealed class AuthAndRateLimitTests : ApiTest
{
    private const string UserId = "00000000-0000-0000-0000-000000000001";

    [TestCase(null)]
    [TestCase("Bearer")]
    [TestCase("Basic dXNlcjpwYXNz")]
    public async Task Without_bearer_credentials_an_authenticated_route_is_401_with_a_challenge(string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/secure");
        if (header is not null)
            request.Headers.TryAddWithoutValidation("Authorization", header);
        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"detail":"Not authenticated"}"""));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task A_valid_token_reaches_the_service_with_the_caller()
    {
        Client.BearerToken = TestTokens.Create(UserId);

        var response = await Client.SendAsync(new GetSecureProbe());

        Assert.That(response.Caller, Is.EqualTo(UserId));
    }

    [Test]
    public async Task A_token_signed_with_another_secret_is_invalid_or_expired()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/secure");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(UserId, secret: TestTokens.OtherSecret));
        using var response = await Http.SendAsync(request);

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"detail":"Invalid or expired token"}"""));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task A_revoked_token_is_refused()
    {
        await TestServers.Redis.SetAsync(RedisKeys.RevokedToken("abc123"), "1", TimeSpan.FromMinutes(5));
        Client.BearerToken = TestTokens.Create(UserId, jti: "abc123");

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetSecureProbe()))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Token has been revoked")));
    }

    [Test]
    public async Task A_role_the_caller_lacks_is_403_and_an_admin_passes()
    {
        var adminId = (await Accounts.CreateDirectlyAsync("admin@example.com", isAdmin: true))!.Value.ToString();
        Client.BearerToken = TestTokens.Create(adminId);
        var refused = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetAdminProbe()))!;
        Client.BearerToken = TestTokens.Create(adminId, role: Roles.Admin);

        var admin = await Client.SendAsync(new GetAdminProbe());

        Assert.That((refused.StatusCode, refused.ErrorMessage), Is.EqualTo((HttpStatusCode.Forbidden, "Admin privileges required")));
        Assert.That(admin.Caller, Is.EqualTo(adminId));
    }

    [TestCase(false, true, Description = "deactivated")]
    [TestCase(true, false, Description = "demoted")]
    [TestCase(null, null, Description = "no such account: a forged admin token")]
    public async Task An_admin_token_of_an_account_no_longer_active_or_admin_is_403(bool? active, bool? admin)
    {
        var id = active is null ? Guid.NewGuid() : (await Accounts.CreateDirectlyAsync("former@example.com", isAdmin: true))!.Value;
        if (active is not null)
            await Accounts.SetFlagsAsync("former@example.com", isActive: active, isAdmin: admin);
        Client.BearerToken = TestTokens.Create(id.ToString(), role: Roles.Admin);

        var refused = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetAdminProbe()))!;

        Assert.That((refused.StatusCode, refused.ErrorMessage), Is.EqualTo((HttpStatusCode.Forbidden, "Admin privileges required")));
    }

    [Test]
    public async Task Optional_authentication_treats_a_bad_token_as_anonymous()
    {
        Client.BearerToken = "not.a.valid.jwt";
        var anonymous = await Client.SendAsync(new GetOptionalProbe());
        Client.BearerToken = TestTokens.Create(UserId);
        var known = await Client.SendAsync(new GetOptionalProbe());

        Assert.That((anonymous.Caller, known.Caller), Is.EqualTo(((string?)null, UserId)));
    }

    [Test]
    public async Task A_rate_limited_route_answers_429_with_retry_after_once_the_window_is_used_up()
    {
        await Client.SendAsync(new LimitedProbe { Name = "1" });
        await Client.SendAsync(new LimitedProbe { Name = "2" });

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new LimitedProbe { Name = "3" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(error.ResponseBody, Is.EqualTo("""{"error":"Rate limit exceeded: 2 per 1 minute"}"""));
            Assert.That(error.RetryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(60)));
        });
    }

    [Test]
    public async Task Requests_that_fail_validation_do_not_count_against_the_rate_limit()
    {
        for (var i = 0; i < 5; i++)
            (await Http.PostAsync("/test/limited", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).Dispose();

        Assert.DoesNotThrowAsync(() => Client.SendAsync(new LimitedProbe { Name = "counted" }));
    }

    [Test]
    public async Task The_rate_limit_window_lives_in_Redis_so_every_instance_shares_it()
    {
        await Client.SendAsync(new LimitedProbe { Name = "1" });

        var keys = await TestServers.Redis.KeysAsync("ratelimit:*");

        Assert.That(keys, Is.EqualTo(new[] { "ratelimit:POST /test/limited:60s:127.0.0.1" }));
    }
}
