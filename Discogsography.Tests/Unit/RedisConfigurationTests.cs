using System.Net;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Storage;

namespace Discogsography.Tests.Unit;

public sealed class RedisConfigurationTests
{
    [TestCase("redis://localhost", "localhost", 6379, 0, null, null)]
    [TestCase("redis://redis:6379/0", "redis", 6379, 0, null, null)]
    [TestCase("redis://myredis:6380/1", "myredis", 6380, 1, null, null)]
    [TestCase("redis://:s3cr%40t@127.0.0.1:7000/2", "127.0.0.1", 7000, 2, null, "s3cr@t")]
    [TestCase("redis://app:pw@host:1/0", "host", 1, 0, "app", "pw")]
    [TestCase("redis://[::1]:6390", "::1", 6390, 0, null, null)]
    public void Redis_URLs_are_parsed(string url, string host, int port, int database, string? user, string? password)
    {
        var options = RedisConfiguration.Parse(url);

        Assert.That((Endpoint(options.EndPoints.Single()), options.DefaultDatabase, options.User, options.Password),
            Is.EqualTo(((host, port), (int?)database, user, password)));
        Assert.That(RedisConfiguration.Describe(options), Does.Not.Contain("pw").And.Not.Contain("s3cr"));
    }

    [Test]
    public void Every_connection_survives_a_Redis_that_is_down_at_startup_and_fails_within_the_timeout()
    {
        var options = RedisConfiguration.Parse("redis://localhost:6379/0");

        Assert.That(options.AbortOnConnectFail, Is.False);
        Assert.That((options.ConnectTimeout, options.SyncTimeout, options.AsyncTimeout), Is.EqualTo((2000, 2000, 2000)));
    }

    [Test]
    public void A_rediss_URL_connects_with_TLS()
    {
        Assert.That(RedisConfiguration.Parse("rediss://cache.example.com:6380").Ssl, Is.True);
    }

    [Test]
    public void A_configuration_string_reaches_Sentinel_and_Cluster_deployments()
    {
        var sentinel = RedisConfiguration.Parse("sentinel-a:26379,sentinel-b:26379,serviceName=mymaster,password=pw");
        var cluster = RedisConfiguration.Parse("node-1:7000,node-2:7001,node-3:7002,connectTimeout=5000");

        Assert.That((sentinel.ServiceName, sentinel.EndPoints.Count, sentinel.Password), Is.EqualTo(("mymaster", 2, "pw")));
        Assert.That((cluster.EndPoints.Count, cluster.ConnectTimeout, cluster.AbortOnConnectFail), Is.EqualTo((3, 5000, false)));
        Assert.That(RedisConfiguration.Describe(sentinel), Does.Contain("sentinel service mymaster").And.Not.Contain("pw"));
    }

    [TestCase("http://localhost")]
    [TestCase("redis://localhost/x")]
    [TestCase("redis://")]
    public void A_malformed_value_stops_startup_with_a_clear_message(string url)
    {
        Assert.Throws<SettingsException>(() => RedisConfiguration.Parse(url));
    }

    private static (string, int) Endpoint(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => (dns.Host, dns.Port),
        IPEndPoint ip => (ip.Address.ToString(), ip.Port),
        _ => throw new InvalidOperationException(endpoint.ToString()),
    };
}
