using Dapper;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using static Discogsography.Tests.Integration.Sync.SyncScenario;

namespace Discogsography.Tests.Integration.Sync;

/// <summary>
/// A sync removes what Discogs no longer lists only when it read the whole list as Discogs announced it; a list that
/// changed between two page fetches, or a page that came back short, removes nothing until the next sync.
/// </summary>
public sealed class SyncReconcileTests : ApiTest
{
    private const string Email = "reconciler@example.com";
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
    public async Task A_collection_that_changes_between_two_page_fetches_loses_nothing_the_user_still_owns()
    {
        var collection = Items(150, 1000);
        var wants = Items(10, 9000);
        Discogs.SetCollection(Username, collection);
        Discogs.SetWantlist(Username, wants);
        await SyncAsync(Client);
        Discogs.SetWantlist(Username, wants.Skip(1));
        var secondPage = Discogs.Hold(CollectionPath, 2);

        var started = await StartSyncAsync(Client);
        await secondPage.Arrived;
        // The user removes their newest record while page 1 is already read: every later item moves up one place,
        // so page 2 starts with what was item 102 and item 101 is on no page this sync reads.
        Discogs.SetCollection(Username, collection.Skip(1));
        secondPage.Release();
        var job = await WaitForEndAsync(Client, started.SyncId);

        var row = await RowAsync(TestServers.Database, Guid.Parse(job.SyncId));
        Assert.That((job.Status, row.ReconcileSkipped, row.ItemsRemoved), Is.EqualTo((JobStatuses.Completed, new[] { "collection" }, 1)),
            "the stable wantlist was still pruned");
        Assert.That((await CollectionAsync(TestServers.Database, Email)).Select(r => r.ReleaseId),
            Is.EqualTo(collection.Select(i => i.ReleaseId)),
            "nothing left the collection, least of all the record page 2 skipped over");
        Assert.That((await WantlistAsync(TestServers.Database, Email)).Select(r => r.ReleaseId),
            Is.EqualTo(wants.Skip(1).Select(i => i.ReleaseId)));

        var next = await SyncAsync(Client);

        var nextRow = await RowAsync(TestServers.Database, Guid.Parse(next.SyncId));
        Assert.That((nextRow.ReconcileSkipped, nextRow.ItemsRemoved), Is.EqualTo((Array.Empty<string>(), 1)));
        Assert.That((await CollectionAsync(TestServers.Database, Email)).Select(r => r.ReleaseId),
            Is.EqualTo(collection.Skip(1).Select(i => i.ReleaseId)),
            "the next sync reconciles");
    }

    [Test]
    public async Task A_page_that_comes_back_short_removes_nothing_and_the_job_says_so()
    {
        var wants = Items(120, 9000);
        Discogs.SetWantlist(Username, wants);
        await SyncAsync(Client);
        Discogs.ShortenNext(WantlistPath, 1, missing: 3);

        var job = await SyncAsync(Client);

        var row = await RowAsync(TestServers.Database, Guid.Parse(job.SyncId));
        Assert.That((job.Status, job.ItemsSynced, row.ReconcileSkipped, row.ItemsRemoved),
            Is.EqualTo((JobStatuses.Completed, 117, new[] { "wantlist" }, 0)));
        Assert.That(await WantlistAsync(TestServers.Database, Email), Has.Count.EqualTo(120));
        var admin = Accounts.NewClient();
        await Accounts.RegisterAdminAsync(admin, "operator@example.com");
        var listed = (await admin.SendAsync(new QueryAdminSyncs { Limit = 1 })).Syncs.Single();
        Assert.That(listed.ReconcileSkipped, Is.EqualTo(new[] { "wantlist" }), "administrators see it");
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var audited = await connection.QuerySingleAsync<string>(
            "SELECT details::text FROM audit_log WHERE action = 'sync_completed' AND resource_id = @id", new { id = job.SyncId });
        Assert.That(audited, Does.Contain("\"reconcile_skipped\": [\"wantlist\"]"));
    }
}
