using System.Diagnostics;
using Discogsography.ServiceInterface.Redis;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Storage;

/// <summary>The RESP2 client against a real redis-server this test owns.</summary>
public sealed class RedisClientTests
{
    private RedisServerProcess server = null!;
    private RedisClient client = null!;

    [SetUp]
    public async Task StartServerAsync()
    {
        server = await RedisServerProcess.StartAsync();
        client = new RedisClient(RedisSettings.Parse(server.Url));
    }

    [TearDown]
    public async Task StopServerAsync()
    {
        await client.DisposeAsync();
        await server.DisposeAsync();
    }

    [Test]
    public async Task Values_round_trip_including_binary_unsafe_text_and_expire()
    {
        await client.SetAsync("k", "line1\r\nline2 ✓", TimeSpan.FromMilliseconds(300));
        var stored = await client.GetAsync("k");
        var ttl = await client.TimeToLiveAsync("k");
        await Task.Delay(500);

        Assert.That(stored, Is.EqualTo("line1\r\nline2 ✓"));
        Assert.That(ttl, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMilliseconds(300)));
        Assert.That(await client.GetAsync("k"), Is.Null);
    }

    [Test]
    public async Task Set_if_absent_sets_once_and_delete_reports_whether_a_key_existed()
    {
        var first = await client.SetIfAbsentAsync("once", "a", TimeSpan.FromMinutes(1));
        var second = await client.SetIfAbsentAsync("once", "b", TimeSpan.FromMinutes(1));

        Assert.That((first, second, await client.GetAsync("once")), Is.EqualTo((true, false, "a")));
        Assert.That((await client.DeleteAsync("once"), await client.DeleteAsync("once")), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task A_window_counter_counts_and_expires_atomically()
    {
        var first = await client.IncrementWindowAsync("w", TimeSpan.FromSeconds(30));
        var second = await client.IncrementWindowAsync("w", TimeSpan.FromSeconds(30));

        Assert.That((first.Count, second.Count), Is.EqualTo((1L, 2L)));
        Assert.That(second.Remaining, Is.GreaterThan(TimeSpan.FromSeconds(25)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task An_error_reply_raises_RedisResponseException_and_the_connection_stays_usable()
    {
        await client.SetAsync("text", "not a number", null);

        var error = Assert.ThrowsAsync<RedisResponseException>(() => client.IncrementWindowAsync("text", TimeSpan.FromSeconds(1)))!;

        Assert.That(error.Message, Does.Contain("not an integer"));
        Assert.That(await client.GetAsync("text"), Is.EqualTo("not a number"));
    }

    [Test]
    public void A_wrong_password_is_a_connection_error_naming_AUTH()
    {
        var settings = RedisSettings.Parse(server.Url) with { Password = "wrong" };
        var wrong = new RedisClient(settings);

        var error = Assert.ThrowsAsync<RedisConnectionException>(() => wrong.PingAsync())!;

        Assert.That(error.Message, Does.Contain("refused AUTH"));
        Assert.That(error.Message, Does.Not.Contain("wrong"), "the password is never in the message");
    }

    [Test]
    public void A_server_that_is_not_there_fails_fast_instead_of_hanging()
    {
        var absent = new RedisClient(RedisSettings.Parse($"redis://127.0.0.1:{Ports.Free()}/0"));
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAsync<RedisConnectionException>(() => absent.PingAsync());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task After_the_server_restarts_the_client_reconnects_on_its_own()
    {
        await client.SetAsync("before", "1", null);
        await server.StopAsync();
        Assert.ThrowsAsync<RedisConnectionException>(() => client.GetAsync("before"));

        await server.StartAgainAsync();

        Assert.DoesNotThrowAsync(() => client.SetAsync("after", "2", null));
        Assert.That(await client.GetAsync("after"), Is.EqualTo("2"));
    }

    [Test]
    public async Task Pooled_connections_left_over_from_before_a_restart_are_replaced_transparently()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.SetAsync($"k{i}", "v", null)));
        await server.StopAsync();
        await server.StartAgainAsync();

        var values = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GetAsync($"k{i}")));

        Assert.That(values, Is.All.Null, "the restarted server has no data, and no call failed on a dead pooled connection");
    }

    [Test]
    public async Task Concurrent_commands_each_get_their_own_reply()
    {
        var keys = Enumerable.Range(0, 200).Select(i => $"key:{i}").ToArray();
        await Task.WhenAll(keys.Select(k => client.SetAsync(k, k + "-value", null)));

        var values = await Task.WhenAll(keys.Select(k => client.GetAsync(k)));

        Assert.That(values, Is.EqualTo(keys.Select(k => k + "-value")));
    }
}
