using Dapper;
using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Maintenance;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Auth;

/// <summary>The audit log (NAS downloader and Lanterne Rouge seeds): what is recorded, what never is, and the purge.</summary>
public sealed class AuditLogTests : ApiTest
{
    [Test]
    public async Task Account_actions_are_recorded_with_user_ip_and_user_agent_in_order()
    {
        Client.ResponseFilter = null;
        var login = await Accounts.RegisterAndLoginAsync(Client, "audit@example.com");
        Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new Login { Email = "audit@example.com", Password = "wrong password" }));
        var refreshed = await Client.SendAsync(new RefreshSession { RefreshToken = login.RefreshToken! });
        Client.BearerToken = refreshed.AccessToken;
        await Client.SendAsync(new ChangePassword { CurrentPassword = Accounts.Password, NewPassword = "another password" });
        await Client.SendAsync(new Logout());

        var rows = await AuditRowsAsync();

        Assert.That(rows.Select(r => r.Action),
            Is.EqualTo(new[] { "register", "login_success", "login_failure", "token_refresh", "password_change", "logout" }));
        Assert.That(rows.Select(r => r.UserId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(rows.Select(r => r.Ip), Is.All.EqualTo("127.0.0.1"));
        Assert.That(rows.Single(r => r.Action == "login_failure").Detail("reason"), Is.EqualTo("wrong_password"));
        Assert.That(rows.Single(r => r.Action == "register").Detail("outcome"), Is.EqualTo("created"));
    }

    [Test]
    public async Task Ending_a_session_and_reusing_a_refresh_token_are_recorded_with_the_session()
    {
        var first = await Accounts.RegisterAndLoginAsync(Client, "ends@example.com");
        using var other = Accounts.NewClient();
        var second = await other.SendAsync(new Login { Email = "ends@example.com", Password = Accounts.Password });
        var otherSession = (await Client.SendAsync(new ListSessions())).Sessions.Single(s => !s.Current).Id;
        await Client.SendAsync(new EndSession { Id = otherSession });
        await Client.SendAsync(new RefreshSession { RefreshToken = first.RefreshToken! });
        Host.Clock.Advance(ServiceInterface.Auth.AuthSessions.RefreshGrace + TimeSpan.FromSeconds(1));
        Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new RefreshSession { RefreshToken = first.RefreshToken! }));

        var rows = await AuditRowsAsync();

        Assert.That(rows.Single(r => r.Action == "session_end").ResourceId, Is.EqualTo(otherSession.ToString()));
        Assert.That(rows.Single(r => r.Action == "refresh_token_reuse").ResourceId, Is.Not.EqualTo(otherSession.ToString()));
        Assert.That(second.RefreshToken, Is.Not.Empty);
    }

    [Test]
    public async Task A_failed_login_for_an_unknown_email_is_recorded_without_a_user()
    {
        Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new Login { Email = "ghost@example.com", Password = "whatever-password" }));

        var row = (await AuditRowsAsync()).Single();

        Assert.That((row.Action, row.UserId), Is.EqualTo(("login_failure", (Guid?)null)));
        Assert.That((row.Detail("email"), row.Detail("reason")), Is.EqualTo(("ghost@example.com", "unknown_email")));
    }

    [Test]
    public async Task The_audit_log_never_holds_a_password_or_a_token()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, "secrets@example.com", "a-very-secret-password");
        var refreshed = await Client.SendAsync(new RefreshSession { RefreshToken = login.RefreshToken! });
        Assert.ThrowsAsync<ApiException>(() =>
            Client.SendAsync(new Login { Email = "secrets@example.com", Password = "the-wrong-secret" }));

        var everything = string.Join('\n', (await AuditRowsAsync()).Select(r => $"{r.Action}|{r.ResourceId}|{r.Details}"));

        foreach (var secret in new[] { "a-very-secret-password", "the-wrong-secret", login.AccessToken, login.RefreshToken,
            refreshed.RefreshToken })
            Assert.That(everything, Does.Not.Contain(secret));
    }

    [Test]
    public void Details_named_like_credentials_are_redacted()
    {
        var json = AuditLog.DetailsJson(new Dictionary<string, object?> { ["password"] = "p", ["api_key"] = "k", ["refresh_token"] = "t",
            ["service_name"] = "spotify" });

        Assert.That(json, Is.EqualTo("""{"password":"[redacted]","api_key":"[redacted]","refresh_token":"[redacted]","service_name":"spotify"}"""));
    }

    [Test]
    public async Task Maintenance_purges_audit_entries_past_retention_and_old_sessions()
    {
        await Accounts.RegisterAndLoginAsync(Client, "old@example.com");
        await Client.SendAsync(new Logout());
        await using (var connection = await TestServers.Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE audit_log SET created_at = NOW() - INTERVAL '91 days' WHERE action = 'register'");
            await connection.ExecuteAsync("UPDATE auth_sessions SET ended_at = NOW() - INTERVAL '8 days', access_expires_at = NOW() - INTERVAL '8 days'");
        }

        var outcome = await Host.Services.GetRequiredService<MaintenanceJob>().RunOnceAsync(CancellationToken.None);

        Assert.That((outcome.AuditEntriesPurged, outcome.SessionsPurged), Is.EqualTo((1, 1)));
        Assert.That((await AuditRowsAsync()).Select(r => r.Action), Does.Not.Contain("register"));
        await using var check = await TestServers.Database.OpenConnectionAsync();
        Assert.That(await check.ExecuteScalarAsync<long>("SELECT count(*) FROM auth_refresh_tokens"), Is.Zero);
    }

    private static async Task<List<AuditRow>> AuditRowsAsync()
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        return (await connection.QueryAsync<AuditRow>(
            "SELECT action, user_id, resource_id, details::text AS details, ip, user_agent FROM audit_log ORDER BY id")).AsList();
    }

    private sealed record AuditRow
    {
        public string Action { get; init; } = "";
        public Guid? UserId { get; init; }
        public string? ResourceId { get; init; }
        public string Details { get; init; } = "";
        public string? Ip { get; init; }
        public string? UserAgent { get; init; }

        public string? Detail(string name) =>
            System.Text.Json.JsonDocument.Parse(Details).RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
