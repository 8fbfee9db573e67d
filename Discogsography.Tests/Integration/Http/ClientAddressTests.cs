using System.Net;
using System.Text;
using Dapper;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Http;

/// <summary>
/// Behind a reverse proxy the client's address is the forwarded one, but only when the socket peer is a trusted proxy
/// (<c>TRUSTED_PROXIES</c>): rate limits, audit entries and sessions use it; IPv6 clients are limited per /64.
/// </summary>
public sealed class ClientAddressTests : ApiTest
{
    [Test]
    public async Task Without_trusted_proxies_a_forwarded_address_is_ignored()
    {
        await Accounts.CreateDirectlyAsync("spoof@example.com");

        await LoginAsync(Http, "spoof@example.com", forwardedFor: "198.51.100.7");

        Assert.That(await SessionIpAsync("spoof@example.com"), Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task Behind_a_trusted_proxy_sessions_and_the_audit_log_record_the_forwarded_address_and_browser()
    {
        await using var host = await TestHost.StartAsync(WithTrustedProxies("127.0.0.1"));
        using var http = new HttpClient { BaseAddress = host.ApiUrl };
        await Accounts.CreateDirectlyAsync("behind@example.com");

        await LoginAsync(http, "behind@example.com", forwardedFor: "198.51.100.7", userAgent: "Firefox/150");

        Assert.That(await SessionIpAsync("behind@example.com"), Is.EqualTo("198.51.100.7"));
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var audit = await connection.QuerySingleAsync<(string Ip, string UserAgent)>(
            "SELECT ip, user_agent FROM audit_log WHERE action = 'login_success'");
        Assert.That(audit, Is.EqualTo(("198.51.100.7", "Firefox/150")));
    }

    [Test]
    public async Task Behind_a_trusted_proxy_each_client_has_its_own_rate_limit_and_an_IPv6_client_is_counted_per_64()
    {
        await using var host = await TestHost.StartAsync(WithTrustedProxies("127.0.0.0/8"));
        using var http = new HttpClient { BaseAddress = host.ApiUrl };

        var first = await StatusesAsync(http, "203.0.113.1", 6);
        var other = await StatusesAsync(http, "203.0.113.2", 1);
        var v6 = await StatusesAsync(http, "2001:db8:0:1::1", 5);
        var sameNetwork = await StatusesAsync(http, "2001:db8:0:1::ffff", 1);
        var otherNetwork = await StatusesAsync(http, "2001:db8:0:2::1", 1);

        Assert.That(first, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Append(HttpStatusCode.TooManyRequests)));
        Assert.That(other, Is.EqualTo(new[] { HttpStatusCode.Unauthorized }), "one client's limit is not another's");
        Assert.That(v6, Has.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(sameNetwork, Is.EqualTo(new[] { HttpStatusCode.TooManyRequests }), "the same /64 shares one limit");
        Assert.That(otherNetwork, Is.EqualTo(new[] { HttpStatusCode.Unauthorized }));
    }

    [Test]
    public void A_TRUSTED_PROXIES_entry_that_is_not_an_address_stops_startup()
    {
        var error = Assert.ThrowsAsync<ServiceInterface.Configuration.SettingsException>(() =>
            TestHost.StartAsync(WithTrustedProxies("proxy.example.com")))!;

        Assert.That(error.Message,
            Is.EqualTo("TRUSTED_PROXIES: 'proxy.example.com' is neither an IP address nor a CIDR network (like 10.0.0.0/8)"));
    }

    private static ServiceInterface.Configuration.AppSettings WithTrustedProxies(params string[] proxies)
    {
        var settings = SettingsOnFreshPorts();
        return settings with { Hosting = settings.Hosting with { TrustedProxies = proxies } };
    }

    /// <summary>Wrong-password logins from one forwarded address: the login limit is 5 a minute per client.</summary>
    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient http, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
            statuses.Add(await LoginAsync(http, $"nobody{i}@example.com", forwardedFor, password: "wrong password"));
        return statuses;
    }

    private static async Task<HttpStatusCode> LoginAsync(HttpClient http, string email, string forwardedFor, string? userAgent = null,
        string password = Accounts.Password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = new StringContent($$"""{"email":"{{email}}","password":"{{password}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        if (userAgent is not null)
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> SessionIpAsync(string email)
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<string>(
            "SELECT s.ip FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = @email", new { email });
    }
}
