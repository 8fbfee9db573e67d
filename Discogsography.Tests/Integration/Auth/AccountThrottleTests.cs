using System.Net;
using System.Text;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>
/// Brute force against one account from many addresses: ten failures for an email within fifteen minutes lock that
/// email for the rest of the window, on every instance, with the same answer whether the account exists or not.
/// </summary>
public sealed class AccountThrottleTests : ApiTest
{
    [Test]
    public async Task Ten_failures_from_ten_addresses_lock_the_email_whatever_the_address_existing_or_not()
    {
        await using var second = await TestHost.StartAsync(TrustingLoopback());
        await using var first = await TestHost.StartAsync(TrustingLoopback());
        await Accounts.CreateDirectlyAsync("target@example.com");
        for (var i = 0; i < 10; i++)
            await LoginAsync(i % 2 == 0 ? first : second, "target@example.com", "wrong password", $"203.0.113.{i}");
        for (var i = 0; i < 10; i++)
            await LoginAsync(first, "ghost@example.com", "wrong password", $"198.51.100.{i}");

        var existing = await LoginAsync(second, "target@example.com", Accounts.Password, "192.0.2.200");
        var unknown = await LoginAsync(first, "ghost@example.com", "wrong password", "192.0.2.201");

        Assert.That(existing.Status, Is.EqualTo(HttpStatusCode.TooManyRequests),
            "even the right password, from a new address, on another instance");
        Assert.That((unknown.Status, unknown.Body), Is.EqualTo((existing.Status, existing.Body)), "no enumeration: the same answer");
        Assert.That(existing.RetryAfter, Is.InRange(1, 900));
    }

    [Test]
    public async Task A_success_before_the_tenth_failure_starts_the_count_again()
    {
        await Accounts.CreateDirectlyAsync("forgetful@example.com");
        await using var host = await TestHost.StartAsync(TrustingLoopback());
        for (var i = 0; i < 9; i++)
            await LoginAsync(host, "forgetful@example.com", "wrong password", $"203.0.113.{i}");
        Assert.That((await LoginAsync(host, "forgetful@example.com", Accounts.Password, "203.0.113.50")).Status,
            Is.EqualTo(HttpStatusCode.OK));
        for (var i = 0; i < 9; i++)
            await LoginAsync(host, "forgetful@example.com", "wrong password", $"203.0.113.{100 + i}");

        Assert.That((await LoginAsync(host, "forgetful@example.com", Accounts.Password, "203.0.113.60")).Status,
            Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Starting_a_Discogs_connection_is_limited_per_user_whatever_the_address()
    {
        await using var host = await TestHost.StartAsync(TrustingLoopback());
        using var user = new JsonApiClient(host.ApiUrl.ToString());
        await Accounts.RegisterAndLoginAsync(user, "oauth@example.com");
        await DiscogsConnections.ConfigureAppCredentialsAsync(host);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/oauth/authorize/discogs");
            request.Headers.Authorization = new("Bearer", user.BearerToken);
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", $"203.0.113.{i}");
            using var http = new HttpClient { BaseAddress = host.ApiUrl };
            statuses.Add((await http.SendAsync(request)).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests)));
    }

    private static ServiceInterface.Configuration.AppSettings TrustingLoopback()
    {
        var settings = SettingsOnFreshPorts();
        return settings with { Hosting = settings.Hosting with { TrustedProxies = ["127.0.0.0/8"] } };
    }

    private static async Task<(HttpStatusCode Status, string Body, int RetryAfter)> LoginAsync(TestHost host, string email,
        string password, string from)
    {
        using var http = new HttpClient { BaseAddress = host.ApiUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = new StringContent($$"""{"email":"{{email}}","password":"{{password}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", from);
        using var response = await http.SendAsync(request);
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : 0;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), retryAfter);
    }
}
