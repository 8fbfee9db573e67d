using System.Net;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>REFERENCE-API.md §2.6: per-IP fixed windows, now shared between instances through Redis.</summary>
public sealed class AuthRateLimitTests : ApiTest
{
    [Test]
    public async Task The_fourth_registration_in_a_minute_is_429_with_the_reference_body_and_a_retry_after()
    {
        for (var i = 0; i < 3; i++)
            await Client.SendAsync(new Register { Email = $"r{i}@example.com", Password = Accounts.Password });

        var error = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new Register { Email = "r4@example.com", Password = Accounts.Password }))!;

        Assert.That((error.StatusCode, error.ResponseBody),
            Is.EqualTo((HttpStatusCode.TooManyRequests, """{"error":"Rate limit exceeded: 3 per 1 minute"}""")));
        Assert.That(error.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task Invalid_registrations_do_not_use_up_the_limit()
    {
        for (var i = 0; i < 5; i++)
            Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new Register { Email = "not-an-email", Password = Accounts.Password }));

        Assert.DoesNotThrowAsync(() => Client.SendAsync(new Register { Email = "fine@example.com", Password = Accounts.Password }));
    }

    [Test]
    public async Task Two_instances_sharing_Redis_enforce_one_login_limit()
    {
        await Client.SendAsync(new Register { Email = "limit@example.com", Password = Accounts.Password });
        await using var second = await TestHost.StartAsync(SettingsOnFreshPorts());
        using var secondClient = new JsonApiClient(second.ApiUrl.ToString());
        var login = new Login { Email = "limit@example.com", Password = Accounts.Password };

        for (var i = 0; i < 5; i++)
            await (i % 2 == 0 ? Client : secondClient).SendAsync(login);
        var onFirst = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(login))!;
        var onSecond = Assert.ThrowsAsync<ApiException>(() => secondClient.SendAsync(login))!;

        Assert.That(onFirst.ResponseBody, Is.EqualTo("""{"error":"Rate limit exceeded: 5 per 1 minute"}"""));
        Assert.That(onSecond.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task Failed_logins_count_too_because_they_passed_validation()
    {
        await Client.SendAsync(new Register { Email = "brute@example.com", Password = Accounts.Password });
        for (var i = 0; i < 5; i++)
            Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new Login { Email = "brute@example.com", Password = $"guess-{i}" }));

        var error = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new Login { Email = "brute@example.com", Password = Accounts.Password }))!;

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests),
            "a brute force stops at the limit even with the right password");
    }
}
