using System.Diagnostics;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;
using Discogsography.Tests.Infrastructure;
using StackExchange.Redis;

namespace Discogsography.Tests.Integration.Storage;

/// <summary>The Redis store (StackExchange.Redis) against a real redis-server this test owns, stopped and restarted at will.</summary>
public sealed class RedisStoreTests
{
    private RedisServerProcess server = null!;
    private ConnectionMultiplexer connection = null!;
    private RedisKeyValueStore store = null!;

    [SetUp]
    public async Task StartServerAsync()
    {
        server = await RedisServerProcess.StartAsync();
        connection = await ConnectionMultiplexer.ConnectAsync(RedisConfiguration.Parse(server.Url));
        store = new RedisKeyValueStore(connection);
    }

    [TearDown]
    public async Task StopServerAsync()
    {
        await connection.DisposeAsync();
        await server.DisposeAsync();
    }

    [Test]
    public async Task Values_round_trip_including_binary_unsafe_text_and_expire()
    {
        await store.SetAsync("k", "line1\r\nline2 ✓", TimeSpan.FromMilliseconds(300), CancellationToken.None);
        var stored = await store.GetAsync("k", CancellationToken.None);
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync("k");
        await Task.Delay(500);

        Assert.That(stored, Is.EqualTo("line1\r\nline2 ✓"));
        Assert.That(ttl, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMilliseconds(300)));
        Assert.That(await store.GetAsync("k", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_window_counter_counts_and_expires_atomically()
    {
        var first = await store.IncrementWindowAsync("w", TimeSpan.FromSeconds(30), CancellationToken.None);
        var second = await store.IncrementWindowAsync("w", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.That((first.Count, second.Count), Is.EqualTo((1L, 2L)));
        Assert.That(second.Remaining, Is.GreaterThan(TimeSpan.FromSeconds(25)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task An_error_reply_is_a_dependency_failure_and_the_connection_stays_usable()
    {
        await store.SetAsync("text", "not a number", null, CancellationToken.None);

        var error = Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            store.IncrementWindowAsync("text", TimeSpan.FromSeconds(1), CancellationToken.None))!;

        Assert.That(error.Message, Does.Contain("not an integer"));
        Assert.That(await store.GetAsync("text", CancellationToken.None), Is.EqualTo("not a number"));
    }

    [Test]
    public async Task A_wrong_password_is_a_dependency_failure_that_never_shows_the_password()
    {
        var options = RedisConfiguration.Parse(server.Url);
        options.Password = "wrong-password-value";
        await using var wrong = await ConnectionMultiplexer.ConnectAsync(options);

        var error = Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            new RedisKeyValueStore(wrong).PingAsync(CancellationToken.None))!;

        Assert.That(error.Dependency, Is.EqualTo("Redis"));
        Assert.That(error.ToString(), Does.Not.Contain("wrong-password-value"));
    }

    [Test]
    public async Task A_server_that_is_not_there_fails_fast_instead_of_hanging()
    {
        await using var absent = await ConnectionMultiplexer.ConnectAsync(RedisConfiguration.Parse($"redis://127.0.0.1:{Ports.Free()}/0"));
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAsync<DependencyUnavailableException>(() => new RedisKeyValueStore(absent).PingAsync(CancellationToken.None));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task After_the_server_restarts_the_store_reconnects_on_its_own()
    {
        await store.SetAsync("before", "1", null, CancellationToken.None);
        await server.StopAsync();
        Assert.ThrowsAsync<DependencyUnavailableException>(() => store.GetAsync("before", CancellationToken.None));

        await server.StartAgainAsync();

        Assert.DoesNotThrowAsync(() => store.SetAsync("after", "2", null, CancellationToken.None));
        Assert.That(await store.GetAsync("after", CancellationToken.None), Is.EqualTo("2"));
    }

    [Test]
    public async Task Concurrent_commands_each_get_their_own_reply()
    {
        var keys = Enumerable.Range(0, 200).Select(i => $"key:{i}").ToArray();
        await Task.WhenAll(keys.Select(k => store.SetAsync(k, k + "-value", null, CancellationToken.None)));

        var values = await Task.WhenAll(keys.Select(k => store.GetAsync(k, CancellationToken.None)));

        Assert.That(values, Is.EqualTo(keys.Select(k => k + "-value")));
    }
}
