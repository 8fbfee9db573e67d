using Dapper;
using Discogsography.ServiceModel;

namespace Discogsography.Tests.Infrastructure;

/// <summary>Creates accounts through the API, as users do.</summary>
public static class Accounts
{
    public const string Password = "correct horse battery";

    /// <summary>Registers and logs in; the client then carries the access token.</summary>
    public static async Task<LoginResponse> RegisterAndLoginAsync(JsonApiClient client, string email, string password = Password)
    {
        await client.SendAsync(new Register { Email = email, Password = password });
        var login = await client.SendAsync(new Login { Email = email, Password = password });
        client.BearerToken = login.AccessToken;
        return login;
    }

    /// <summary>Sets columns the API does not expose (activation, admin), as an operator or the Admin would.</summary>
    public static async Task SetFlagsAsync(string email, bool? isActive = null, bool? isAdmin = null)
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE users SET is_active = COALESCE(@isActive, is_active), is_admin = COALESCE(@isAdmin, is_admin) WHERE email = @email",
            new { email, isActive, isAdmin });
    }

    /// <summary>A client of the shared host.</summary>
    public static JsonApiClient NewClient() => new(new HttpClient { BaseAddress = TestServers.Host.ApiUrl });
}
