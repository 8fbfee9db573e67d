using Dapper;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using static Discogsography.Tests.Integration.Sync.SyncScenario;

namespace Discogsography.Tests.Integration.Sync;

/// <summary>
/// Jobs outlive the instance that runs them (ARCHITECTURE.md §5): two hosts share a database of their own, as two
/// instances would; a stopped host gives its job back, a dead one's job is claimed again, nothing stays running.
/// </summary>
public sealed class SyncRecoveryTests
{
    private const string Email = "restarts@example.com";
    private MigratedDatabase database = null!;
    private readonly List<TestHost> hosts = [];

    private static FakeDiscogs Discogs => TestServers.Discogs;

    [SetUp]
    public async Task CreateDatabaseAsync()
    {
        Discogs.Reset();
        database = await MigratedDatabase.CreateAsync("sync");
    }

    [TearDown]
    public async Task StopAsync()
    {
        foreach (var host in hosts)
            await host.DisposeAsync();
        hosts.Clear();
        Discogs.Reset();
        await database.DisposeAsync();
    }

    [Test]
    public async Task A_host_stopped_mid_sync_gives_the_job_back_and_the_next_host_finishes_the_same_job()
    {
        var first = await StartHostAsync();
        using var client = await ConnectedClientAsync(first);
        Discogs.SetCollection(Username, Items(250, 1000));
        var hold = Discogs.Hold(FakeDiscogs.CollectionPath(Username), 2);
        var started = await client.SendAsync(new TriggerSync());
        var syncId = Guid.Parse(started.SyncId);
        await hold.Arrived;

        await first.DisposeAsync();
        hosts.Remove(first);
        var released = await RowAsync(database.DataSource, syncId);
        hold.Release();
        await StartHostAsync();
        var finished = await WaitForRowAsync(database.DataSource, syncId,
            row => row.Status != JobStatuses.Pending && row.Status != JobStatuses.Running);

        Assert.That((released.Status, released.ClaimedBy, released.ItemsSynced), Is.EqualTo(("pending", (string?)null, 100)));
        Assert.That((finished.Status, finished.ItemsSynced, finished.Attempts), Is.EqualTo(("completed", 250, 1)));
        Assert.That(await CollectionAsync(database.DataSource, Email), Has.Count.EqualTo(250));
    }

    [Test]
    public async Task A_job_whose_worker_died_is_claimed_again_and_finished()
    {
        var host = await StartHostAsync();
        using var client = await ConnectedClientAsync(host);
        Discogs.SetCollection(Username, Items(30, 1000));

        var syncId = await InsertRunningJobAsync(claimedBy: "dead-host:1:abcd", heartbeatAgo: TimeSpan.FromMinutes(5), attempts: 1);
        var finished = await WaitForRowAsync(database.DataSource, syncId, row => row.Status == JobStatuses.Completed);

        Assert.That((finished.ItemsSynced, finished.Attempts), Is.EqualTo((30, 2)));
        Assert.That(finished.ClaimedBy, Is.Not.EqualTo("dead-host:1:abcd"));
    }

    [Test]
    public async Task A_running_row_the_reference_left_behind_is_finished()
    {
        var host = await StartHostAsync();
        using var client = await ConnectedClientAsync(host);
        Discogs.SetCollection(Username, Items(5, 1000));

        var syncId = await InsertRunningJobAsync(claimedBy: null, heartbeatAgo: null, attempts: 0);

        Assert.That((await WaitForRowAsync(database.DataSource, syncId, row => row.Status == JobStatuses.Completed)).ItemsSynced,
            Is.EqualTo(5));
    }

    [Test]
    public async Task A_job_that_keeps_losing_its_worker_fails_for_good_instead_of_looping()
    {
        var host = await StartHostAsync();
        using var client = await ConnectedClientAsync(host);

        var syncId = await InsertRunningJobAsync(claimedBy: "dead-host:1:abcd", heartbeatAgo: TimeSpan.FromMinutes(5), attempts: 5);
        var failed = await WaitForRowAsync(database.DataSource, syncId, row => row.Status == JobStatuses.Failed);

        Assert.That(failed.ErrorMessage, Is.EqualTo("Abandoned after 5 attempts: the instances running it stopped each time"));
    }

    [Test]
    public async Task A_queued_job_cancelled_before_any_worker_claims_it_never_runs()
    {
        var jobs = new SyncJobQueries(database.DataSource);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("INSERT INTO users (email, hashed_password) VALUES (@Email, 'x')", new { Email });
        var (syncId, _) = await jobs.EnqueueAsync(await UserIdAsync(), null, CancellationToken.None);

        var cancelled = await jobs.RequestCancelAsync(syncId, CancellationToken.None);
        await StartHostAsync();
        await Task.Delay(TestHost.FastSyncOptions.PollInterval * 3);

        Assert.That((cancelled!.Status, cancelled.ErrorMessage), Is.EqualTo(("cancelled", "Cancelled by an administrator")));
        Assert.That((await RowAsync(database.DataSource, syncId)).Attempts, Is.Zero, "no worker claimed it");
    }

    private async Task<Guid> UserIdAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Guid>("SELECT id FROM users WHERE email = @Email", new { Email });
    }

    private async Task<TestHost> StartHostAsync()
    {
        var host = await TestHost.StartAsync(TestHost.SettingsFor(database.Settings, redisUrl: null, Discogs.Url));
        hosts.Add(host);
        return host;
    }

    private static async Task<JsonApiClient> ConnectedClientAsync(TestHost host)
    {
        var client = new JsonApiClient(new HttpClient { BaseAddress = host.ApiUrl });
        await Accounts.RegisterAndLoginAsync(client, Email);
        await DiscogsConnections.ConnectAsync(client, host, Discogs);
        return client;
    }

    /// <summary>A row as a crashed instance leaves it: running, with an old heartbeat (or none, started long ago, like
    /// the reference's).</summary>
    private async Task<Guid> InsertRunningJobAsync(string? claimedBy, TimeSpan? heartbeatAgo, int attempts)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<Guid>("""
            INSERT INTO sync_history (user_id, sync_type, status, started_at, claimed_by, heartbeat_at, attempts)
            SELECT id, 'full', 'running', NOW() - interval '1 hour', @claimedBy, NOW() - make_interval(secs => @ago), @attempts
            FROM users WHERE email = @email
            RETURNING id
            """, new { claimedBy, ago = heartbeatAgo?.TotalSeconds, attempts, email = Email });
    }
}
