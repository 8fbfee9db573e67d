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
            Assert.That(down.ErrorMessage, Is.EqualTo("Not ready: Redis is down"));
            Assert.That(down.ResponseBody, Does.Contain("\"name\":\"postgres\",\"status\":\"up\""));
            Assert.That(after.Status, Is.EqualTo("ready"));
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
        Assert.That(down.ErrorMessage, Is.EqualTo("Not ready: PostgreSQL is down"));
    }

    [Test]
    public async Task Without_REDIS_HOST_the_in_memory_store_is_used_and_said_so()
    {
        await using var host = await TestHost.StartAsync(SettingsOnFreshPorts() with { RedisUrl = null });
        using var client = new JsonApiClient(host.ApiUrl.ToString());

        var ready = await client.SendAsync(new GetReadiness());

        Assert.That(ready.Checks.Single(c => c.Name == "redis").Detail, Is.EqualTo("in-memory store (REDIS_HOST not set)"));
        Assert.That(host.Logs.Lines, Has.Some.Contains("REDIS_HOST is not set: using the in-memory key-value store"));
    }
}
