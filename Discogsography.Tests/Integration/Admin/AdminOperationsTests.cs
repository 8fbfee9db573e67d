using System.Net;
using Dapper;
using Discogsography.ServiceInterface.Security;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Catalogue;
using Discogsography.Tests.Integration.Sync;

namespace Discogsography.Tests.Integration.Admin;

/// <summary>The dashboard figures, the app credentials, sync jobs across accounts and the audit log, through the admin API.</summary>
public sealed class AdminOperationsTests : ApiTest
{
    [SetUp]
    public Task SignInAsync() => Accounts.RegisterAdminAsync(Client, "admin@example.com");

    [Test]
    public async Task The_dashboard_counts_accounts_connections_recent_syncs_and_the_catalogue()
    {
        await CatalogueFixture.OracleAsync();
        await Accounts.CreateDirectlyAsync("inactive@example.com");
        await Accounts.SetFlagsAsync("inactive@example.com", isActive: false);
        using var member = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(member, "member@example.com");
        await DiscogsConnections.ConnectAsync(member, Host, TestServers.Discogs);
        await SyncScenario.WaitForEndAsync(member, (await member.SendAsync(new TriggerSync())).SyncId);
        await InsertSyncAsync("member@example.com", "failed", TimeSpan.FromHours(2));
        await InsertSyncAsync("member@example.com", "completed", TimeSpan.FromHours(30));

        var dashboard = await Client.SendAsync(new GetAdminDashboard());

        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var releases = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM graph.releases");
        Assert.That((dashboard.Users.Total, dashboard.Users.Active, dashboard.Users.Admins, dashboard.DiscogsConnections),
            Is.EqualTo((3, 2, 1, 1)));
        Assert.That(dashboard.SyncsLast24Hours.Select(s => (s.Status, s.Count)), Is.EqualTo(new[] { ("completed", 1), ("failed", 1) }));
        Assert.That((dashboard.Catalogue.Releases, dashboard.Catalogue.ImportedAt is not null), Is.EqualTo((releases, true)));
        Assert.That(dashboard.Dependencies.Select(d => (d.Name, d.Status)), Is.EqualTo(new[] { ("postgres", "up"), ("redis", "up") }));
    }

    [Test]
    public async Task App_credentials_are_shown_masked_like_discogs_setup_and_stored_encrypted()
    {
        var before = await Client.SendAsync(new GetAppCredentials());

        var after = await Client.SendAsync(new SetAppCredentials { ConsumerKey = "mykey12345", ConsumerSecret = "mysecret678" });

        Assert.That((before.ConsumerKey, before.ConsumerSecret, before.Configured), Is.EqualTo(("(not set)", "(not set)", false)));
        Assert.That((after.ConsumerKey, after.ConsumerSecret, after.Configured, after.EncryptedAtRest),
            Is.EqualTo((SecretMask.Mask("mykey12345"), SecretMask.Mask("mysecret678"), true, true)));
        Assert.That(after.ConsumerKey, Is.EqualTo("my******45"));
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var stored = await connection.ExecuteScalarAsync<string>("SELECT value FROM app_config WHERE key = 'discogs_consumer_secret'");
        Assert.That(new Fernet(TestHost.EncryptionKey).DecryptString(stored!, DateTimeOffset.UtcNow), Is.EqualTo("mysecret678"));
        var audit = await connection.QueryAsync<string>("SELECT details::text FROM audit_log WHERE action LIKE 'admin_app_credentials%'");
        Assert.That(audit, Has.None.Contain("mykey12345").And.None.Contain("mysecret678"));
    }

    [Test]
    public async Task Stored_secrets_another_key_cannot_read_are_a_503_naming_the_setting_never_shown_as_plaintext()
    {
        await Client.SendAsync(new SetAppCredentials { ConsumerKey = "mykey12345", ConsumerSecret = "mysecret678" });
        var otherKey = SettingsOnFreshPorts() with { OAuthEncryptionKey = ServiceInterface.Security.Fernet.GenerateKey() };
        await using var host = await TestHost.StartAsync(otherKey);
        using var admin = new JsonApiClient(host.ApiUrl.ToString()) { BearerToken = Client.BearerToken };

        var error = Assert.ThrowsAsync<ApiException>(() => admin.SendAsync(new GetAppCredentials()))!;

        Assert.That((error.StatusCode, error.ErrorMessage),
            Is.EqualTo((HttpStatusCode.ServiceUnavailable,
                "The server is misconfigured (OAUTH_ENCRYPTION_KEY); an operator has been told")));
        Assert.That(host.Logs.Lines, Has.Some.Contains("does not decrypt with the configured OAUTH_ENCRYPTION_KEY"));
    }

    [Test]
    public async Task Blank_credentials_are_refused()
    {
        var error = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new SetAppCredentials { ConsumerKey = "  ", ConsumerSecret = "s" }))!;

        Assert.That((error.StatusCode, error.ErrorMessage),
            Is.EqualTo((HttpStatusCode.BadRequest, "Both the consumer key and the consumer secret are required")));
    }

    [Test]
    public async Task An_admin_triggered_sync_runs_without_cooldown_and_records_who_asked()
    {
        using var member = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(member, "member@example.com");
        await DiscogsConnections.ConnectAsync(member, Host, TestServers.Discogs);
        TestServers.Discogs.SetCollection(SyncScenario.Username, SyncScenario.Items(7, 100));
        var memberId = await Accounts.IdOfAsync("member@example.com");

        var started = await Client.SendAsync(new TriggerAdminUserSync { Id = memberId });
        var job = await SyncScenario.WaitForEndAsync(member, started.SyncId);
        var listed = (await Client.SendAsync(new QueryAdminSyncs { Search = "member@" })).Syncs.Single();

        Assert.That((started.Status, job.Status, job.ItemsSynced), Is.EqualTo(("started", "completed", 7)));
        Assert.That((listed.SyncId, listed.Email, listed.RequestedBy),
            Is.EqualTo((started.SyncId, "member@example.com", "admin@example.com")));
        Assert.That(await TestServers.Redis.GetAsync(ServiceInterface.Storage.RedisKeys.SyncCooldown(memberId.ToString())), Is.Null);
    }

    [Test]
    public async Task A_running_sync_cancelled_by_an_admin_stops_at_its_next_page()
    {
        using var member = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(member, "member@example.com");
        await DiscogsConnections.ConnectAsync(member, Host, TestServers.Discogs);
        TestServers.Discogs.SetCollection(SyncScenario.Username, SyncScenario.Items(250, 100));
        var hold = TestServers.Discogs.Hold(FakeDiscogs.CollectionPath(SyncScenario.Username), 2);
        var started = await member.SendAsync(new TriggerSync());
        await hold.Arrived;

        var cancelling = await Client.SendAsync(new CancelAdminSync { Id = Guid.Parse(started.SyncId) });
        hold.Release();
        var job = await SyncScenario.WaitForEndAsync(member, started.SyncId);
        var again = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new CancelAdminSync { Id = Guid.Parse(started.SyncId) }))!;

        Assert.That((cancelling.Status, cancelling.CancelRequested), Is.EqualTo(("running", true)));
        Assert.That((job.Status, job.Error, job.ItemsSynced), Is.EqualTo(("cancelled", "Cancelled by an administrator", 200)),
            "the page in flight is written, then it stops");
        Assert.That(TestServers.Discogs.Requests.Select(r => r.PathAndQuery), Has.None.Contains("page=3&"));
        Assert.That((again.StatusCode, again.ErrorMessage),
            Is.EqualTo((HttpStatusCode.Conflict, "The sync job already ended (cancelled)")));
    }

    [Test]
    public async Task Jobs_are_filtered_by_status_and_user_and_paged()
    {
        await Accounts.CreateDirectlyAsync("a@example.com");
        await Accounts.CreateDirectlyAsync("b@example.com");
        for (var hours = 1; hours <= 5; hours++)
            await InsertSyncAsync(hours % 2 == 0 ? "a@example.com" : "b@example.com", hours == 3 ? "failed" : "completed",
                TimeSpan.FromHours(hours));

        var failed = await Client.SendAsync(new QueryAdminSyncs { Status = "failed" });
        var ofA = await Client.SendAsync(new QueryAdminSyncs { UserId = await Accounts.IdOfAsync("a@example.com") });
        var page = await Client.SendAsync(new QueryAdminSyncs { Offset = 1, Limit = 2 });
        var invalid = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new QueryAdminSyncs { Status = "exploded" }))!;

        Assert.That(failed.Syncs.Select(s => s.Email), Is.EqualTo(new[] { "b@example.com" }));
        Assert.That((ofA.Total, ofA.Syncs.All(s => s.Email == "a@example.com")), Is.EqualTo((2, true)));
        Assert.That((page.Syncs.Count, page.Total, page.HasMore), Is.EqualTo((2, 5, true)));
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task Jobs_are_sorted_on_the_server_by_user_status_and_time()
    {
        await Accounts.CreateDirectlyAsync("a@example.com");
        await Accounts.CreateDirectlyAsync("b@example.com");
        await InsertSyncAsync("b@example.com", "completed", TimeSpan.FromHours(1));
        await InsertSyncAsync("a@example.com", "failed", TimeSpan.FromHours(2));
        await InsertSyncAsync("b@example.com", "cancelled", TimeSpan.FromHours(3));

        var newest = await Client.SendAsync(new QueryAdminSyncs());
        var oldest = await Client.SendAsync(new QueryAdminSyncs { OrderBy = AdminSyncOrder.StartedAt, Descending = false });
        var byUser = await Client.SendAsync(new QueryAdminSyncs { OrderBy = AdminSyncOrder.Email, Descending = false });
        var byStatus = await Client.SendAsync(new QueryAdminSyncs { OrderBy = AdminSyncOrder.Status, Descending = true });

        Assert.That(newest.Syncs.Select(s => s.Status), Is.EqualTo(new[] { "completed", "failed", "cancelled" }));
        Assert.That(oldest.Syncs.Select(s => s.Status), Is.EqualTo(new[] { "cancelled", "failed", "completed" }));
        Assert.That(byUser.Syncs.Select(s => (s.Email, s.Status)), Is.EqualTo(new[]
        {
            ("a@example.com", "failed"), ("b@example.com", "completed"), ("b@example.com", "cancelled"),
        }), "ties newest first");
        Assert.That(byStatus.Syncs.Select(s => s.Status), Is.EqualTo(new[] { "failed", "completed", "cancelled" }));
    }

    [Test]
    public async Task The_audit_log_is_sorted_on_the_server_by_action_and_user()
    {
        using var member = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(member, "member@example.com");
        await Client.SendAsync(new GetAppCredentials());

        var byAction = await Client.SendAsync(new QueryAuditLog { OrderBy = AuditOrder.Action, Descending = false });
        var byUser = await Client.SendAsync(new QueryAuditLog { OrderBy = AuditOrder.Email, Descending = true });
        var oldest = await Client.SendAsync(new QueryAuditLog { OrderBy = AuditOrder.CreatedAt, Descending = false });

        Assert.That(byAction.Entries.Select(e => e.Action), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(byAction.Entries.Select(e => e.Action).First(), Is.EqualTo(ServiceModel.AuditActions.AdminAppCredentialsViewed));
        Assert.That(byUser.Entries.Select(e => e.Email).First(), Is.EqualTo("member@example.com"));
        Assert.That(byUser.Entries.Select(e => e.Email).OfType<string>(),
            Is.Ordered.Descending.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(oldest.Entries.Select(e => e.Id), Is.Ordered);
    }

    [Test]
    public async Task The_audit_log_is_filtered_by_action_user_and_time_and_lists_its_actions()
    {
        using var member = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(member, "member@example.com");
        await Client.SendAsync(new GetAppCredentials());
        var since = DateTimeOffset.UtcNow.AddMinutes(-5);

        var logins = await Client.SendAsync(new QueryAuditLog { Action = "login_success" });
        var ofMember = await Client.SendAsync(new QueryAuditLog { Search = "member@" });
        var recent = await Client.SendAsync(new QueryAuditLog { From = since, To = since.AddMinutes(10), Limit = 1 });
        var future = await Client.SendAsync(new QueryAuditLog { From = DateTimeOffset.UtcNow.AddDays(1) });
        var actions = await Client.SendAsync(new ListAuditActions());
        var backwards = Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new QueryAuditLog { From = since, To = since.AddMinutes(-1) }))!;

        Assert.That(logins.Entries.Select(e => e.Email), Is.EquivalentTo(new[] { "admin@example.com", "member@example.com" }));
        Assert.That(ofMember.Entries.Select(e => e.Action), Is.EquivalentTo(new[] { "register", "login_success" }));
        Assert.That((recent.Entries.Count, recent.HasMore, recent.Entries[0].Action),
            Is.EqualTo((1, true, "admin_app_credentials_viewed")));
        Assert.That(future.Entries, Is.Empty);
        Assert.That(actions, Is.SupersetOf(new[] { "admin_app_credentials_viewed", "login_success", "register" }).And.Ordered);
        Assert.That(backwards.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    internal static async Task InsertSyncAsync(string email, string status, TimeSpan ago)
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO sync_history (user_id, sync_type, status, items_synced, started_at, completed_at)
            SELECT id, 'full', @status, 1, NOW() - make_interval(secs => @seconds), NOW() - make_interval(secs => @seconds)
            FROM users WHERE email = @email
            """, new { email, status, seconds = ago.TotalSeconds });
    }
}
