using Dapper;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Sync;

namespace Discogsography.Tests.Integration.ApiKeys;

/// <summary>A Discogs personal access token in the vault lets an account without an OAuth connection sync.</summary>
public sealed class PersonalTokenSyncTests : ApiTest
{
    private const string Token = "personal-access-token-of-tokenuser";
    private const string Username = "token_user";

    [Test]
    public async Task A_user_with_a_stored_Discogs_token_and_no_OAuth_connection_can_sync()
    {
        await Accounts.RegisterAndLoginAsync(Client, "token@example.com");
        await Client.SendAsync(new CreateApiKey { ServiceName = ApiKeyServiceNames.Discogs, ApiKey = Token });
        TestServers.Discogs.AddPersonalToken(Token, Username);
        TestServers.Discogs.SetCollection(Username, SyncScenario.Items(120, 1000));
        TestServers.Discogs.SetWantlist(Username, SyncScenario.Items(3, 9000));

        var started = await Client.SendAsync(new TriggerSync());
        var job = await SyncScenario.WaitForEndAsync(Client, started.SyncId);

        Assert.That((job.Status, job.ItemsSynced), Is.EqualTo(("completed", 123)));
        Assert.That(TestServers.Discogs.Requests.Where(r => r.PathAndQuery.StartsWith("/users/", StringComparison.Ordinal))
            .Select(r => r.OAuth.Count),
            Is.All.Zero, "no OAuth signature: the personal token authorized every list request");
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM app_config"), Is.Zero,
            "no app credentials were needed");
    }

    [Test]
    public async Task A_token_Discogs_refuses_fails_the_sync_clearly()
    {
        await Accounts.RegisterAndLoginAsync(Client, "stale@example.com");
        await Client.SendAsync(new CreateApiKey { ServiceName = ApiKeyServiceNames.Discogs, ApiKey = "revoked-on-discogs" });

        var started = await Client.SendAsync(new TriggerSync());
        var job = await SyncScenario.WaitForEndAsync(Client, started.SyncId);

        Assert.That((job.Status, job.Error),
            Is.EqualTo(("failed", "Discogs refused the stored personal access token (HTTP 401); update it under /api/users/api-keys")));
    }
}
