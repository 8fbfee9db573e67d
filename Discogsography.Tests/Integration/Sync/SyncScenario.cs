using System.Globalization;
using Dapper;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using Npgsql;

namespace Discogsography.Tests.Integration.Sync;

/// <summary>Lists for the fake Discogs, waiting for jobs, and reading back what a sync wrote.</summary>
internal static class SyncScenario
{
    public const string Username = "discogs_user";

    /// <summary><paramref name="count"/> distinct releases, newest addition first, with dates in a non-UTC offset.</summary>
    public static List<FakeListItem> Items(int count, long firstReleaseId) =>
        Enumerable.Range(0, count).Select(i => new FakeListItem(
            firstReleaseId + i, 500_000 + firstReleaseId + i, $"Record {firstReleaseId + i}", 1970 + i % 50, $"Artist {i % 7}",
            $"Label {i % 5}",
            i % 3 == 0 ? "CD" : "Vinyl", i % 6,
            new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.FromHours(-7)).AddHours(-i).ToString("yyyy-MM-dd'T'HH:mm:sszzz",
                CultureInfo.InvariantCulture),
            FolderId: 1 + i % 2, Notes: i % 4 == 0 ? "" : $"note {i}")).ToList();

    /// <summary>Triggers a sync, clearing the cooldown and the route's rate-limit window previous ones set.</summary>
    public static async Task<TriggerSyncResponse> StartSyncAsync(JsonApiClient client)
    {
        await TestServers.Redis.DeleteAsync(RedisKeys.SyncCooldown((await client.SendAsync(new GetMe())).Id.ToString()));
        foreach (var window in await TestServers.Redis.KeysAsync("ratelimit:*sync*"))
            await TestServers.Redis.DeleteAsync(window);
        return await client.SendAsync(new TriggerSync());
    }

    /// <summary>Triggers a sync (clearing the cooldown a previous one set) and waits for its end.</summary>
    public static async Task<SyncSummary> SyncAsync(JsonApiClient client) =>
        await WaitForEndAsync(client, (await StartSyncAsync(client)).SyncId);

    /// <summary>Polls the owner's status until the job ends.</summary>
    public static async Task<SyncSummary> WaitForEndAsync(JsonApiClient client, string syncId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = (await client.SendAsync(new GetSyncStatus())).Syncs.Single(s => s.SyncId == syncId);
            if (job.Status is JobStatuses.Completed or JobStatuses.Failed or JobStatuses.Cancelled)
                return job;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Sync {syncId} is still {job.Status} after 60 s");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls the job row until <paramref name="condition"/> holds.</summary>
    public static async Task<SyncRow> WaitForRowAsync(NpgsqlDataSource database, Guid syncId, Func<SyncRow, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var row = await RowAsync(database, syncId);
            if (condition(row))
                return row;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Sync {syncId} never reached the expected state; it is {row}");
            await Task.Delay(25);
        }
    }

    public static async Task<SyncRow> RowAsync(NpgsqlDataSource database, Guid syncId)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<SyncRow>("""
            SELECT status, items_synced, pages_fetched, items_removed, attempts, claimed_by, error_message, phase, reconcile_skipped
            FROM sync_history WHERE id = @syncId
            """, new { syncId });
    }

    /// <summary>The user's collection rows, everything but the bookkeeping columns, by release and instance.</summary>
    public static async Task<List<CollectionState>> CollectionAsync(NpgsqlDataSource database, string email)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<CollectionState>("""
            SELECT c.id, c.release_id, c.instance_id, c.folder_id, c.title, c.artist, c.year, c.format, c.label, c.rating, c.date_added, c.created_at
            FROM user_collections c JOIN users u ON u.id = c.user_id WHERE u.email = @email ORDER BY c.release_id, c.instance_id
            """, new { email })).AsList();
    }

    /// <summary>The user's wantlist rows, by release.</summary>
    public static async Task<List<WantlistState>> WantlistAsync(NpgsqlDataSource database, string email)
    {
        await using var connection = await database.OpenConnectionAsync();
        return (await connection.QueryAsync<WantlistState>("""
            SELECT w.id, w.release_id, w.title, w.artist, w.year, w.format, w.rating, w.notes, w.date_added, w.created_at
            FROM user_wantlists w JOIN users u ON u.id = w.user_id WHERE u.email = @email ORDER BY w.release_id
            """, new { email })).AsList();
    }

    public sealed record SyncRow
    {
        public string Status { get; init; } = "";
        public int? ItemsSynced { get; init; }
        public int? PagesFetched { get; init; }
        public int ItemsRemoved { get; init; }
        public int Attempts { get; init; }
        public string? ClaimedBy { get; init; }
        public string? ErrorMessage { get; init; }
        public string? Phase { get; init; }
        public string[] ReconcileSkipped { get; init; } = [];
    }

    public sealed record CollectionState
    {
        public Guid Id { get; init; }
        public long ReleaseId { get; init; }
        public long? InstanceId { get; init; }
        public int? FolderId { get; init; }
        public string? Title { get; init; }
        public string? Artist { get; init; }
        public int? Year { get; init; }
        public string? Format { get; init; }
        public string? Label { get; init; }
        public short? Rating { get; init; }
        public DateTimeOffset? DateAdded { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    public sealed record WantlistState
    {
        public Guid Id { get; init; }
        public long ReleaseId { get; init; }
        public string? Title { get; init; }
        public string? Artist { get; init; }
        public int? Year { get; init; }
        public string? Format { get; init; }
        public short? Rating { get; init; }
        public string? Notes { get; init; }
        public DateTimeOffset? DateAdded { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
