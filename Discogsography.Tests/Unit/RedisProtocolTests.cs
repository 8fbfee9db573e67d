using System.Text;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Redis;

namespace Discogsography.Tests.Unit;

public sealed class RedisProtocolTests
{
    [Test]
    public void Commands_are_encoded_as_arrays_of_bulk_strings_with_byte_lengths()
    {
        var frame = RespCommand.Frame(RespCommand.Set, "key", "café", "PX", "1000");

        Assert.That(Encoding.UTF8.GetString(frame), Is.EqualTo("*5\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\ncafé\r\n$2\r\nPX\r\n$4\r\n1000\r\n"));
    }

    [TestCase("redis://localhost", "localhost", 6379, 0, null, null)]
    [TestCase("redis://redis:6379/0", "redis", 6379, 0, null, null)]
    [TestCase("redis://myredis:6380/1", "myredis", 6380, 1, null, null)]
    [TestCase("redis://:s3cr%40t@127.0.0.1:7000/2", "127.0.0.1", 7000, 2, null, "s3cr@t")]
    [TestCase("redis://app:pw@host:1/0", "host", 1, 0, "app", "pw")]
    [TestCase("redis://[::1]:6390", "::1", 6390, 0, null, null)]
    public void Redis_URLs_are_parsed(string url, string host, int port, int database, string? user, string? password)
    {
        var settings = RedisSettings.Parse(url);

        Assert.That((settings.Host, settings.Port, settings.Database, settings.User, settings.Password), Is.EqualTo((host, port, database, user, password)));
        Assert.That(settings.Endpoint, Does.Not.Contain("pw").And.Not.Contain("s3cr"));
    }

    [TestCase("localhost:6379")]
    [TestCase("http://localhost")]
    [TestCase("rediss://localhost")]
    [TestCase("redis://localhost/x")]
    public void Anything_but_a_redis_URL_stops_startup_with_a_clear_message(string url)
    {
        Assert.Throws<SettingsException>(() => RedisSettings.Parse(url));
    }
}
