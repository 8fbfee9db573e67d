using System.Net;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Http;

/// <summary>Readiness follows the dependencies: 503 naming what is down, 200 once it is back.</summary>
public sealed class ReadinessTests : ApiTest
{
    [Test]
    public async Task Readiness_turns_503_while_Redis_is_stopped_and_200_when_it_is_back()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var host = await TestHost.StartAsync(SettingsOnFreshPorts() with { RedisUrl = redis.Url });
        using var client = new JsonApiClient(host.ApiUrl.ToString());
        var before = await client.SendAsync(new GetReadiness());

        await redis.StopAsync();
        var down = Assert.ThrowsAsync<ApiException>(() => client.SendAsync(new GetReadiness()))!;
        await redis.StartAgainAsync();
        var after = await client.SendAsync(new GetReadiness());

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo("ready"));
            Assert.That(down.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(down.ResponseBody, Is.EqualTo("""{"status":"not_ready","checks":{"postgres":"up","redis":"down"}}"""),
                "up or down only: no address, port or error text");
            Assert.That(host.Logs.Lines, Has.Some.Contains("Readiness: Redis is down").And.Some.Contains($"{redis.Port}"),
                "the reason is logged");
            Assert.That(after.Checks, Is.EqualTo(new Dictionary<string, string> { ["postgres"] = "up", ["redis"] = "up" }));
        });
    }

    [Test]
    public async Task Readiness_names_PostgreSQL_when_the_database_cannot_be_reached()
    {
        var unreachable = Host.Settings.Postgres with { Port = Ports.Free() };
        await using var host = await TestHost.StartAsync(SettingsOnFreshPorts() with { Postgres = unreachable });
        using var client = new JsonApiClient(host.ApiUrl.ToString());

        var down = Assert.ThrowsAsync<ApiException>(() => client.SendAsync(new GetReadiness()))!;

        Assert.That(down.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(down.ResponseBody, Is.EqualTo("""{"status":"not_ready","checks":{"postgres":"down","redis":"up"}}"""));
        Assert.That(down.ResponseBody, Does.Not.Contain(unreachable.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Without_REDIS_HOST_the_in_memory_store_is_used_and_said_so()
    {
        await using var host = await TestHost.StartAsync(SettingsOnFreshPorts() with { RedisUrl = null });
        using var client = new JsonApiClient(host.ApiUrl.ToString());

        var ready = await client.SendAsync(new GetReadiness());

        Assert.That(ready.Checks["redis"], Is.EqualTo("up"));
        Assert.That(host.Logs.Lines, Has.Some.Contains("REDIS_HOST is not set: using the in-memory key-value store"));
    }
}
