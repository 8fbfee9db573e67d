using System.Net;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Admin;

/// <summary>Every admin operation is refused to anonymous callers (401), ordinary users (403) and revoked admin tokens.</summary>
public sealed class AdminAccessTests : ApiTest
{
    private static IEnumerable<TestCaseData> AdminRequests()
    {
        var someone = Guid.NewGuid();
        yield return Case(new GetAdminDashboard());
        yield return Case(new QueryAdminUsers());
        yield return Case(new GetAdminUser { Id = someone });
        yield return Case(new UpdateAdminUser { Id = someone, IsActive = false });
        yield return Case(new EndAdminUserSessions { Id = someone });
        yield return Case(new TriggerAdminUserSync { Id = someone });
        yield return Case(new GetAppCredentials());
        yield return Case(new SetAppCredentials { ConsumerKey = "k", ConsumerSecret = "s" });
        yield return Case(new QueryAdminSyncs());
        yield return Case(new CancelAdminSync { Id = someone });
        yield return Case(new QueryAuditLog());
        yield return Case(new ListAuditActions());
        yield return Case(new StartImport { Path = "dumps" });
        yield return Case(new QueryImports());
        yield return Case(new GetImport { Id = someone });
        yield return Case(new CancelImport { Id = someone });
    }

    [TestCaseSource(nameof(AdminRequests))]
    public async Task Ordinary_users_get_403_and_anonymous_callers_401(IReturn request)
    {
        var anonymous = await StatusOfAsync(request);
        await Accounts.RegisterAndLoginAsync(Client, "user@example.com");
        var user = await StatusOfAsync(request);

        Assert.That(anonymous, Is.EqualTo((HttpStatusCode.Unauthorized, "Not authenticated")));
        Assert.That(user, Is.EqualTo((HttpStatusCode.Forbidden, "Admin privileges required")));
    }

    [Test]
    public async Task A_logged_out_admin_token_is_refused()
    {
        await Accounts.RegisterAdminAsync(Client, "admin@example.com");
        await Client.SendAsync(new Logout());

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetAdminDashboard()))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.Unauthorized, "Token has been revoked")));
    }

    private async Task<(HttpStatusCode, string)> StatusOfAsync(IReturn request)
    {
        using var message = Client.BuildRequest(request);
        using var response = await Http.SendAsync(message);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, body["detail"]!.GetValue<string>());
    }

    private static TestCaseData Case(IReturn request) => new TestCaseData(request).SetArgDisplayNames(request.GetType().Name);
}
