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

    /// <summary>Registers an administrator and logs in (after the flag is set, so the token carries the admin role).</summary>
    public static async Task<LoginResponse> RegisterAdminAsync(JsonApiClient client, string email, string password = Password)
    {
        await client.SendAsync(new Register { Email = email, Password = password });
        await SetFlagsAsync(email, isAdmin: true);
        var login = await client.SendAsync(new Login { Email = email, Password = password });
        client.BearerToken = login.AccessToken;
        return login;
    }

    /// <summary>Creates an account straight in the database, as an operator's import would (no rate limit applies).</summary>
    public static Task<Guid?> CreateDirectlyAsync(string email, bool isAdmin = false) =>
        TestServers.Host.Services.GetRequiredService<ServiceInterface.Data.UserQueries>()
            .InsertAsync(email, ServiceInterface.Auth.PasswordHasher.Hash(Password), isAdmin, CancellationToken.None);

    /// <summary>The id of the account with <paramref name="email"/>.</summary>
    public static async Task<Guid> IdOfAsync(string email)
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Guid>("SELECT id FROM users WHERE email = @email", new { email });
    }

    /// <summary>A client of the shared host.</summary>
    public static JsonApiClient NewClient() => new(new HttpClient { BaseAddress = TestServers.Host.ApiUrl });
}
