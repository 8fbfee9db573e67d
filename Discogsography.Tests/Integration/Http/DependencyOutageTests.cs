using System.Net;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Http;

/// <summary>
/// Real routes, not probes, while a dependency is down: a clear 503 with <c>Retry-After</c> and a log line, never a 500
/// or a hang, and normal answers once the dependency is back.
/// </summary>
public sealed class DependencyOutageTests : ApiTest
{
    [Test]
    public async Task Account_and_catalogue_routes_answer_503_while_PostgreSQL_cannot_be_reached()
    {
        var unreachable = Host.Settings.Postgres with { Port = Ports.Free() };
        await using var host = await TestHost.StartAsync(SettingsOnFreshPorts() with { Postgres = unreachable });
        using var client = new JsonApiClient(host.ApiUrl.ToString());

        var register = Assert.ThrowsAsync<ApiException>(() =>
            client.SendAsync(new Register { Email = "outage@example.com", Password = Accounts.Password }))!;
        var explore = Assert.ThrowsAsync<ApiException>(() => client.SendAsync(new Explore { Name = "The Persuader", Type = "artist" }))!;

        Assert.Multiple(() =>
        {
            foreach (var error in new[] { register, explore })
            {
                Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(error.ErrorMessage, Is.EqualTo("PostgreSQL is unavailable; try again shortly"));
            }
            Assert.That(host.Logs.Lines, Has.Some.Contains("PostgreSQL unavailable while answering POST /api/auth/register"));
            Assert.That(host.Logs.Lines, Has.None.Contains("Unhandled error"));
        });
    }

    [Test]
    public async Task An_authenticated_route_answers_503_while_Redis_is_stopped_and_serves_again_when_it_is_back()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var host = await TestHost.StartAsync(SettingsOnFreshPorts() with { RedisUrl = redis.Url });
        using var client = new JsonApiClient(host.ApiUrl.ToString());
        await Accounts.RegisterAndLoginAsync(client, "outage@example.com");

        await redis.StopAsync();
        var down = Assert.ThrowsAsync<ApiException>(() => client.SendAsync(new GetMe()))!;
        await redis.StartAgainAsync();
        var me = await client.SendAsync(new GetMe());

        Assert.Multiple(() =>
        {
            Assert.That(down.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(down.ErrorMessage, Is.EqualTo("Redis is unavailable; try again shortly"));
            Assert.That(host.Logs.Lines, Has.Some.Contains("Redis unavailable while answering GET /api/auth/me"));
            Assert.That(me.Email, Is.EqualTo("outage@example.com"));
        });
    }
}
