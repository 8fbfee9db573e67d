using System.Globalization;
using System.Net;
using Dapper;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using static Discogsography.Tests.Integration.Sync.SyncScenario;

namespace Discogsography.Tests.Integration.Sync;

/// <summary>REFERENCE-API.md §4.8, §7 and §15.16–§15.17 end to end: the fake Discogs serves the lists, a worker syncs them.</summary>
public sealed class SyncJobTests : ApiTest
{
    private const string Email = "collector@example.com";
    private static readonly string CollectionPath = FakeDiscogs.CollectionPath(Username);
    private static readonly string WantlistPath = FakeDiscogs.WantlistPath(Username);
    private static FakeDiscogs Discogs => TestServers.Discogs;

    [SetUp]
    public async Task ConnectAsync()
    {
        await Accounts.RegisterAndLoginAsync(Client, Email);
        await DiscogsConnections.ConnectAsync(Client, Host, Discogs);
    }

    [Test]
    public async Task A_sync_through_a_429_and_a_500_mirrors_exactly_the_lists_on_Discogs()
    {
        var collection = Items(250, 1000);
        var wants = Items(30, 9000);
        Discogs.SetCollection(Username, collection);
        Discogs.SetWantlist(Username, wants);
        Discogs.FailNext(CollectionPath, 429, retryAfter: "1", page: 2);
        Discogs.FailNext(CollectionPath, 500, page: 3);

        var started = await Client.SendAsync(new TriggerSync());
        var job = await WaitForEndAsync(Client, started.SyncId);

        Assert.That((started.Status, job.Status, job.Error, job.ItemsSynced, job.PagesFetched),
            Is.EqualTo(("started", "completed", (string?)null, 280, 4)));
        var rows = await CollectionAsync(TestServers.Database, Email);
        Assert.That(rows.Select(r =>
            (r.ReleaseId, r.InstanceId, r.FolderId, r.Title, r.Artist, r.Year, r.Format, r.Label, (int?)r.Rating, r.DateAdded)),
            Is.EqualTo(collection
                .Select(i => (i.ReleaseId, (long?)i.InstanceId, (int?)i.FolderId, (string?)i.Title, (string?)i.Artist, (int?)i.Year,
                (string?)i.Format, (string?)i.Label, (int?)i.Rating,
                (DateTimeOffset?)DateTimeOffset.Parse(i.DateAdded, CultureInfo.InvariantCulture)))));
        var wanted = await WantlistAsync(TestServers.Database, Email);
        Assert.That(wanted.Select(w => (w.ReleaseId, w.Title, w.Notes, (int?)w.Rating)),
            Is.EqualTo(wants.Select(i => (i.ReleaseId, (string?)i.Title, (string?)i.Notes, (int?)i.Rating))));
        var pageRequests = Discogs.Requests.Where(r => r.PathAndQuery.StartsWith(CollectionPath, StringComparison.Ordinal))
            .Select(r => r.PathAndQuery).ToList();
        Assert.That(pageRequests.Count(r => r.Contains("page=2&", StringComparison.Ordinal)), Is.EqualTo(2), "the 429 was retried");
        Assert.That(pageRequests.Count(r => r.Contains("page=3&", StringComparison.Ordinal)), Is.EqualTo(2), "the 500 was retried");
        Assert.That(pageRequests[0], Is.EqualTo(CollectionPath + "?page=1&per_page=100&sort=added&sort_order=desc"));
    }

    [Test]
    public async Task A_second_sync_of_unchanged_lists_changes_nothing()
    {
        Discogs.SetCollection(Username, Items(120, 1000));
        Discogs.SetWantlist(Username, Items(10, 9000));
        await SyncAsync();
        var collection = await CollectionAsync(TestServers.Database, Email);
        var wantlist = await WantlistAsync(TestServers.Database, Email);

        var second = await SyncAsync();

        Assert.That(await CollectionAsync(TestServers.Database, Email), Is.EqualTo(collection));
        Assert.That(await WantlistAsync(TestServers.Database, Email), Is.EqualTo(wantlist));
        Assert.That((await RowAsync(TestServers.Database, Guid.Parse(second.SyncId))).ItemsRemoved, Is.Zero);
    }

    [Test]
    public async Task Items_no_longer_on_Discogs_are_removed_by_the_next_sync()
    {
        var collection = Items(150, 1000);
        var wants = Items(20, 9000);
        Discogs.SetCollection(Username, collection);
        Discogs.SetWantlist(Username, wants);
        await SyncAsync();
        Discogs.SetCollection(Username, collection.Where(i => i.ReleaseId % 3 != 0));
        Discogs.SetWantlist(Username, wants.Skip(5));

        var second = await SyncAsync();

        Assert.That((await CollectionAsync(TestServers.Database, Email)).Select(r => r.ReleaseId),
            Is.EqualTo(collection.Where(i => i.ReleaseId % 3 != 0).Select(i => i.ReleaseId)));
        Assert.That((await WantlistAsync(TestServers.Database, Email)).Select(r => r.ReleaseId),
            Is.EqualTo(wants.Skip(5).Select(i => i.ReleaseId)));
        Assert.That((await RowAsync(TestServers.Database, Guid.Parse(second.SyncId))).ItemsRemoved, Is.EqualTo(50 + 5));
    }

    [Test]
    public async Task A_wantlist_that_keeps_failing_fails_the_job_but_keeps_the_collection_and_its_count()
    {
        Discogs.SetCollection(Username, Items(120, 1000));
        Discogs.SetWantlist(Username, Items(10, 9000));
        await SyncAsync();
        for (var attempt = 0; attempt < 4; attempt++)
            Discogs.FailNext(WantlistPath, 502, page: 1);

        var job = await SyncAsync();

        Assert.That((job.Status, job.Error, job.ItemsSynced),
            Is.EqualTo(("failed", "Discogs failed on the wantlist page 1 (HTTP 502) after 4 attempts", 120)));
        Assert.That(job.Error, Does.Not.Contain(FakeDiscogs.LeakyBody));
        Assert.That(await WantlistAsync(TestServers.Database, Email), Has.Count.EqualTo(10), "an unfinished list removes nothing");
    }

    [Test]
    public async Task Progress_advances_while_the_job_runs()
    {
        Discogs.SetCollection(Username, Items(250, 1000));
        var hold = Discogs.Hold(CollectionPath, 3);

        var started = await Client.SendAsync(new TriggerSync());
        await hold.Arrived;
        var running = (await Client.SendAsync(new GetSyncStatus())).Syncs.Single();
        hold.Release();

        Assert.That((running.Status, running.ItemsSynced, running.PagesFetched, running.CompletedAt),
            Is.EqualTo(("running", 200, 2, (DateTimeOffset?)null)));
        Assert.That((await WaitForEndAsync(Client, started.SyncId)).ItemsSynced, Is.EqualTo(250));
    }

    [Test]
    public async Task A_second_trigger_within_ten_minutes_is_the_reference_cooldown_429()
    {
        await Client.SendAsync(new TriggerSync());

        using var second = await PostSyncAsync();

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await second.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"status":"cooldown","message":"Sync rate limited. Please wait before triggering again."}"""));
        var ttl = await TestServers.Redis.TimeToLiveAsync(RedisKeys.SyncCooldown(await UserIdAsync()));
        Assert.That(ttl, Is.GreaterThan(TimeSpan.FromSeconds(590)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(600)));
    }

    [Test]
    public async Task A_trigger_while_a_job_is_active_answers_already_running_with_its_id_and_sets_no_cooldown()
    {
        var hold = Discogs.Hold(CollectionPath, 1);
        var first = await Client.SendAsync(new TriggerSync());
        await hold.Arrived;
        var cooldown = RedisKeys.SyncCooldown(await UserIdAsync());
        await TestServers.Redis.DeleteAsync(cooldown);

        var second = await Client.SendAsync(new TriggerSync());
        var cooldownSet = await TestServers.Redis.GetAsync(cooldown);
        hold.Release();

        Assert.That((second.SyncId, second.Status), Is.EqualTo((first.SyncId, SyncOutcomes.AlreadyRunning)));
        Assert.That(cooldownSet, Is.Null);
        Assert.That((await WaitForEndAsync(Client, first.SyncId)).Status, Is.EqualTo("completed"));
    }

    [Test]
    public async Task Without_a_Discogs_connection_the_job_fails_with_the_reference_message()
    {
        await Client.SendAsync(new RevokeDiscogs());

        var job = await SyncAsync();

        Assert.That((job.Status, job.Error, job.ItemsSynced),
            Is.EqualTo(("failed", "No Discogs OAuth token found for user. Please connect Discogs first.", 0)));
    }

    [Test]
    public async Task Without_app_credentials_the_job_fails_with_the_reference_message()
    {
        await using (var connection = await TestServers.Database.OpenConnectionAsync())
            await connection.ExecuteAsync("DELETE FROM app_config");

        var job = await SyncAsync();

        Assert.That((job.Status, job.Error), Is.EqualTo(("failed", "Discogs app credentials not configured in app_config table")));
    }

    [Test]
    public async Task A_revoked_token_cannot_trigger_or_read_syncs()
    {
        await Client.SendAsync(new Logout());

        var trigger = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new TriggerSync()))!;
        var status = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetSyncStatus()))!;

        Assert.That((trigger.StatusCode, trigger.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Token has been revoked")));
        Assert.That((status.StatusCode, status.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Token has been revoked")));
    }

    [Test]
    public async Task Status_lists_the_last_ten_syncs_newest_first_in_the_reference_shape()
    {
        var userId = Guid.Parse(await UserIdAsync());
        await using (var connection = await TestServers.Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO sync_history (user_id, sync_type, status, items_synced, started_at, completed_at)
                SELECT @userId, 'full', 'completed', n, NOW() - make_interval(hours => n), NOW() - make_interval(hours => n) + interval '1 minute'
                FROM generate_series(1, 12) n
                """, new { userId });
        }

        var syncs = (await Client.SendAsync(new GetSyncStatus())).Syncs;
        using var raw = await GetRawStatusAsync();

        Assert.That(syncs.Select(s => s.ItemsSynced), Is.EqualTo(Enumerable.Range(1, 10).Select(n => (int?)n)));
        Assert.That(await raw.Content.ReadAsStringAsync(),
            Does.StartWith($$"""{"syncs":[{"sync_id":"{{syncs[0].SyncId}}","sync_type":"full","status":"completed","items_synced":1,"pages_fetched":null,"error":null,"started_at":"""));
    }

    [Test]
    public async Task Triggers_and_outcomes_are_audited()
    {
        Discogs.SetCollection(Username, Items(3, 1000));

        var job = await SyncAsync();

        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var entries = (await connection.QueryAsync<(string Action, string? ResourceId, string Details)>(
            "SELECT action, resource_id, details::text FROM audit_log WHERE action LIKE 'sync%' ORDER BY id")).ToList();
        Assert.That(entries.Select(e => (e.Action, e.ResourceId)),
            Is.EqualTo(new[] { ("sync_trigger", job.SyncId), ("sync_completed", job.SyncId) }));
        Assert.That(entries[1].Details, Does.Contain("\"items_synced\": 3"));
    }

    private Task<SyncSummary> SyncAsync() => SyncScenario.SyncAsync(Client);

    private async Task<string> UserIdAsync() => (await Client.SendAsync(new GetMe())).Id.ToString();

    private async Task<HttpResponseMessage> PostSyncAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sync");
        request.Headers.Authorization = new("Bearer", Client.BearerToken);
        return await Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetRawStatusAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sync/status");
        request.Headers.Authorization = new("Bearer", Client.BearerToken);
        return await Http.SendAsync(request);
    }
}
