using Discogsography.ServiceInterface.Storage;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Discogsography.Tests.Integration.Storage;

/// <summary>The Redis and in-memory stores behave the same, so single-instance mode is not a different product.</summary>
[TestFixture("redis")]
[TestFixture("in-memory")]
public sealed class KeyValueStoreContractTests(string kind)
{
    private static readonly TimeSpan ShortTtl = TimeSpan.FromMilliseconds(200);
    private readonly FakeTimeProvider clock = new();
    private ConnectionMultiplexer? redis;
    private IKeyValueStore store = null!;

    [SetUp]
    public async Task CreateStoreAsync()
    {
        if (kind == "redis")
        {
            await TestServers.Redis.FlushAsync();
            redis = await ConnectionMultiplexer.ConnectAsync(RedisConfiguration.Parse(TestServers.RedisUrl));
            store = new RedisKeyValueStore(redis);
        }
        else
        {
            store = new InMemoryKeyValueStore(clock);
        }
    }

    [TearDown]
    public async Task DisposeAsync()
    {
        if (redis is not null)
            await redis.DisposeAsync();
    }

    [Test]
    public async Task A_value_is_readable_until_it_expires()
    {
        await store.SetAsync("a", "1", ShortTtl, CancellationToken.None);
        var before = await store.GetAsync("a", CancellationToken.None);
        await PassAsync(ShortTtl * 2);

        Assert.That((before, await store.GetAsync("a", CancellationToken.None)), Is.EqualTo(("1", (string?)null)));
    }

    [Test]
    public async Task A_value_without_ttl_stays()
    {
        await store.SetAsync("a", "1", null, CancellationToken.None);
        await PassAsync(ShortTtl * 2);

        Assert.That(await store.GetAsync("a", CancellationToken.None), Is.EqualTo("1"));
    }

    [Test]
    public async Task Set_if_absent_only_sets_a_missing_or_expired_key()
    {
        var first = await store.SetIfAbsentAsync("s", "1", ShortTtl, CancellationToken.None);
        var second = await store.SetIfAbsentAsync("s", "2", ShortTtl, CancellationToken.None);
        await PassAsync(ShortTtl * 2);
        var afterExpiry = await store.SetIfAbsentAsync("s", "3", ShortTtl, CancellationToken.None);

        Assert.That((first, second, afterExpiry), Is.EqualTo((true, false, true)));
        Assert.That(await store.GetAsync("s", CancellationToken.None), Is.EqualTo("3"));
    }

    [Test]
    public async Task Any_exists_is_true_while_one_of_the_keys_is_live()
    {
        await store.SetAsync("marker", "1", null, CancellationToken.None);
        await store.SetAsync("x1", "1", ShortTtl, CancellationToken.None);
        var oneLive = await store.AnyExistsUnlessLostAsync("marker", ["missing", "x1"], CancellationToken.None);
        var noneLive = await store.AnyExistsUnlessLostAsync("marker", ["missing", "also-missing"], CancellationToken.None);
        var noKeys = await store.AnyExistsUnlessLostAsync("marker", [], CancellationToken.None);
        await PassAsync(ShortTtl * 2);
        var expired = await store.AnyExistsUnlessLostAsync("marker", ["x1"], CancellationToken.None);

        Assert.That((oneLive, noneLive, noKeys, expired), Is.EqualTo(((bool?)true, (bool?)false, (bool?)false, (bool?)false)));
    }

    [Test]
    public async Task Any_exists_says_nothing_when_the_marker_is_gone()
    {
        await store.SetAsync("x1", "1", null, CancellationToken.None);

        Assert.That(await store.AnyExistsUnlessLostAsync("marker", ["x1"], CancellationToken.None), Is.Null,
            "without the marker the store may have lost keys: a missing key proves nothing");
    }

    [Test]
    public async Task Delete_removes_and_reports_whether_the_key_existed()
    {
        await store.SetAsync("d", "1", null, CancellationToken.None);

        Assert.That(await store.DeleteAsync("d", CancellationToken.None), Is.True);
        Assert.That(await store.DeleteAsync("d", CancellationToken.None), Is.False);
        Assert.That(await store.GetAsync("d", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_window_counter_restarts_after_its_window()
    {
        var one = await store.IncrementWindowAsync("w", ShortTtl, CancellationToken.None);
        var two = await store.IncrementWindowAsync("w", ShortTtl, CancellationToken.None);
        await PassAsync(ShortTtl * 2);
        var fresh = await store.IncrementWindowAsync("w", ShortTtl, CancellationToken.None);

        Assert.That((one.Count, two.Count, fresh.Count), Is.EqualTo((1L, 2L, 1L)));
        Assert.That(two.Remaining, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(ShortTtl));
    }

    private async Task PassAsync(TimeSpan time)
    {
        if (kind == "redis")
            await Task.Delay(time);
        else
            clock.Advance(time);
    }
}
