using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Discogsography.Admin.Services;

/// <summary>A signed-in administrator as kept between page loads.</summary>
public sealed record StoredAdminSession(string Email, string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>Where the session is kept between page loads (the browser tab; a fake in component tests).</summary>
public interface IAdminSessionStore
{
    Task<StoredAdminSession?> LoadAsync();

    Task SaveAsync(StoredAdminSession session);

    Task ClearAsync();
}

/// <summary>
/// The tab's session storage, encrypted and signed by ASP.NET Core data protection: it survives a page refresh,
/// not the tab. Unreadable entries (keys rotated, Admin restarted) count as signed out.
/// </summary>
public sealed class BrowserSessionStore(ProtectedSessionStorage storage) : IAdminSessionStore
{
    private const string Key = "discogsography-admin-session";

    public async Task<StoredAdminSession?> LoadAsync()
    {
        try
        {
            var stored = await storage.GetAsync<StoredAdminSession>(Key);
            return stored.Success ? stored.Value : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            await ClearAsync();
            return null;
        }
    }

    public async Task SaveAsync(StoredAdminSession session) => await storage.SetAsync(Key, session);

    public async Task ClearAsync() => await storage.DeleteAsync(Key);
}
