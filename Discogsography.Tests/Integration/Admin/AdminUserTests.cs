using System.Net;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Sync;

namespace Discogsography.Tests.Integration.Admin;

/// <summary>Managing accounts through the admin API, as the dashboard does.</summary>
public sealed class AdminUserTests : ApiTest
{
    private JsonApiClient member = null!;
    private Guid memberId;

    [SetUp]
    public async Task CreateAccountsAsync()
    {
        await Accounts.RegisterAdminAsync(Client, "admin@example.com");
        member = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(member, "member@example.com");
        memberId = await Accounts.IdOfAsync("member@example.com");
    }

    [TearDown]
    public void DisposeMember() => member.Dispose();

    [Test]
    public async Task Users_are_searched_sorted_and_paged_on_the_server()
    {
        foreach (var name in new[] { "carol", "bob", "alice_x", "dave" })
            await Accounts.CreateDirectlyAsync($"{name}@example.org");

        var byEmail = await Client.SendAsync(new QueryAdminUsers { OrderBy = AdminUserOrder.Email, Descending = false, Limit = 2 });
        var second = await Client.SendAsync(new QueryAdminUsers { OrderBy = AdminUserOrder.Email, Descending = false, Offset = 2,
            Limit = 2 });
        var search = await Client.SendAsync(new QueryAdminUsers { Search = "EXAMPLE.ORG" });
        var literal = await Client.SendAsync(new QueryAdminUsers { Search = "e_x" });
        var admins = await Client.SendAsync(new QueryAdminUsers { Admin = true });

        Assert.That((byEmail.Users.Select(u => u.Email), byEmail.Total, byEmail.HasMore),
            Is.EqualTo((new[] { "admin@example.com", "alice_x@example.org" }, 6, true)));
        Assert.That(second.Users.Select(u => u.Email), Is.EqualTo(new[] { "bob@example.org", "carol@example.org" }));
        Assert.That(search.Users.Select(u => u.Email),
            Is.EquivalentTo(new[] { "carol@example.org", "bob@example.org", "alice_x@example.org", "dave@example.org" }));
        Assert.That(literal.Users.Select(u => u.Email), Is.EqualTo(new[] { "alice_x@example.org" }),
            "_ in a search is a literal underscore");
        Assert.That(admins.Users.Select(u => (u.Email, u.IsAdmin, u.ActiveSessions)), Is.EqualTo(new[] { ("admin@example.com", true, 1) }));
    }

    [Test]
    public async Task The_detail_shows_sessions_connection_syncs_and_key_services_and_the_view_is_audited()
    {
        await DiscogsConnections.ConnectAsync(member, Host, TestServers.Discogs);
        await member.SendAsync(new CreateApiKey { ServiceName = "lastfm", ApiKey = "k" });
        var sync = await member.SendAsync(new TriggerSync());
        await SyncScenario.WaitForEndAsync(member, sync.SyncId);

        var detail = await Client.SendAsync(new GetAdminUser { Id = memberId });

        Assert.That((detail.User.Email, detail.User.DiscogsUsername, detail.User.LastSyncStatus),
            Is.EqualTo(("member@example.com", "discogs_user", "completed")));
        Assert.That(detail.Sessions, Has.Count.EqualTo(1));
        Assert.That(detail.Discogs!.Username, Is.EqualTo("discogs_user"));
        Assert.That(detail.Syncs.Select(s => (s.SyncId, s.Email, s.Status)),
            Is.EqualTo(new[] { (sync.SyncId, "member@example.com", "completed") }));
        Assert.That(detail.ApiKeyServices, Is.EqualTo(new[] { "lastfm" }));
        Assert.That((await AuditActionsAsync("admin_user_viewed")).Single().Details["email"]!.GetValue<string>(),
            Is.EqualTo("member@example.com"));
    }

    [Test]
    public async Task A_deactivated_user_cannot_log_in_and_loses_their_sessions_until_reactivated()
    {
        var deactivated = await Client.SendAsync(new UpdateAdminUser { Id = memberId, IsActive = false });

        var login = Assert.ThrowsAsync<ApiException>(() =>
            Accounts.NewClient().SendAsync(new Login { Email = "member@example.com", Password = Accounts.Password }))!;
        var oldToken = Assert.ThrowsAsync<ApiException>(() => member.SendAsync(new GetSyncStatus()))!;
        await Client.SendAsync(new UpdateAdminUser { Id = memberId, IsActive = true });
        var again = await Accounts.NewClient().SendAsync(new Login { Email = "member@example.com", Password = Accounts.Password });

        Assert.That((deactivated.IsActive, deactivated.ActiveSessions), Is.EqualTo((false, 0)));
        Assert.That((login.StatusCode, login.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Incorrect email or password")));
        Assert.That((oldToken.StatusCode, oldToken.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Token has been revoked")));
        Assert.That(again.AccessToken, Is.Not.Empty);
        Assert.That((await AuditActionsAsync("admin_user_")).Select(e => e.Action),
            Is.EqualTo(new[] { "admin_user_activated", "admin_user_deactivated" }));
    }

    [Test]
    public async Task Granting_admin_rights_takes_effect_at_the_next_login()
    {
        await Client.SendAsync(new UpdateAdminUser { Id = memberId, IsAdmin = true });

        var stale = Assert.ThrowsAsync<ApiException>(() => member.SendAsync(new GetAdminDashboard()))!;
        member.BearerToken = (await member.SendAsync(new Login { Email = "member@example.com", Password = Accounts.Password })).AccessToken;

        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized),
            "the old token carried the old rights, so its session ended");
        Assert.That((await member.SendAsync(new GetAdminDashboard())).Users.Admins, Is.EqualTo(2));
    }

    [Test]
    public async Task The_last_active_admin_can_neither_be_demoted_nor_deactivated()
    {
        var adminId = await Accounts.IdOfAsync("admin@example.com");

        var demote = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new UpdateAdminUser { Id = adminId, IsAdmin = false }))!;
        var deactivate = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new UpdateAdminUser { Id = adminId, IsActive = false }))!;
        await Client.SendAsync(new UpdateAdminUser { Id = memberId, IsAdmin = true });
        var demoted = await Client.SendAsync(new UpdateAdminUser { Id = adminId, IsAdmin = false });

        Assert.That((demote.StatusCode, demote.ErrorMessage),
            Is.EqualTo((HttpStatusCode.Conflict,
                "At least one active administrator must remain: grant another account admin rights first")));
        Assert.That(deactivate.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(demoted.IsAdmin, Is.False, "with a second admin, the first may step down");
    }

    [Test]
    public async Task Ending_a_users_sessions_stops_their_tokens_at_once()
    {
        await Accounts.NewClient().SendAsync(new Login { Email = "member@example.com", Password = Accounts.Password });

        var ended = await Client.SendAsync(new EndAdminUserSessions { Id = memberId });
        var error = Assert.ThrowsAsync<ApiException>(() => member.SendAsync(new GetMe()))!;

        Assert.That(ended.SessionsEnded, Is.EqualTo(2));
        Assert.That(error.ErrorMessage, Is.EqualTo("Token has been revoked"));
    }

    [TestCase("update")]
    [TestCase("detail")]
    [TestCase("sessions")]
    [TestCase("sync")]
    public void An_unknown_user_is_404(string operation)
    {
        var nobody = Guid.NewGuid();
        Func<Task> call = operation switch
        {
            "update" => () => Client.SendAsync(new UpdateAdminUser { Id = nobody, IsActive = false }),
            "detail" => () => Client.SendAsync(new GetAdminUser { Id = nobody }),
            "sessions" => () => Client.SendAsync(new EndAdminUserSessions { Id = nobody }),
            _ => () => Client.SendAsync(new TriggerAdminUserSync { Id = nobody }),
        };

        var error = Assert.ThrowsAsync<ApiException>(() => call())!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.NotFound, "User not found")));
    }

    [Test]
    public async Task An_update_that_changes_nothing_is_422()
    {
        using var request = Client.BuildRequest(new UpdateAdminUser { Id = memberId });

        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("give is_active, is_admin or both"));
    }

    private async Task<List<AuditEntryInfo>> AuditActionsAsync(string prefix) =>
        (await Client.SendAsync(new QueryAuditLog { Limit = 200 })).Entries
            .Where(e => e.Action.StartsWith(prefix, StringComparison.Ordinal)).ToList();
}
