using System.Net;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Admin;

/// <summary>Every admin operation is refused to anonymous callers (401), ordinary users (403) and revoked admin tokens.</summary>
public sealed class AdminAccessTests : ApiTest
{
    /// <summary>Every request DTO that requires the admin role, found in the contract (a new admin route is covered by itself).</summary>
    private static IEnumerable<TestCaseData> AdminRequests() =>
        typeof(IReturn).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(RequiredRoleAttribute),
                true).OfType<RequiredRoleAttribute>().Any(a => a.Role == Roles.Admin))
            .OrderBy(t => t.Name)
            .Select(t => Case(WithValues((IReturn)Activator.CreateInstance(t)!)));

    [Test]
    public void The_admin_routes_found_include_every_feature()
    {
        var names = AdminRequests().Select(c => c.Arguments[0]!.GetType().Name).ToList();

        Assert.That(names, Is.SupersetOf(new[] { nameof(GetAdminDashboard), nameof(GetAdminStats), nameof(QueryAdminUsers),
            nameof(UpdateAdminUser),
            nameof(SetAppCredentials), nameof(QueryAuditLog), nameof(StartImport), nameof(GetCatalogueStatus) }));
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

    /// <summary>Fills what a route needs to be built: ids and required strings (their values never get past authentication).</summary>
    private static IReturn WithValues(IReturn request)
    {
        foreach (var property in request.GetType().GetProperties().Where(p => p.CanWrite))
        {
            if (property.PropertyType == typeof(Guid))
                property.SetValue(request, Guid.NewGuid());
            else if (property.PropertyType == typeof(string) && property.GetValue(request) is null)
                property.SetValue(request, "x");
        }
        return request;
    }
}
