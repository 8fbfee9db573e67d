using System.Net;
using Discogsography.ServiceModel;

namespace Discogsography.Admin.Services;

/// <summary>Sign-in failed with a message to show (wrong credentials, or not an administrator).</summary>
public sealed class AdminSignInException(string message) : Exception(message);

/// <summary>
/// The signed-in administrator of this circuit. Sign-in checks the account is an admin; the session is kept in
/// the tab (so a refresh keeps it) and ends when the access token expires or the API refuses it.
/// </summary>
public sealed class AdminSession(IApiClient api, IAdminSessionStore store, TimeProvider time)
{
    public const string NotAnAdministrator = "This account is not an administrator.";

    private bool restored;

    /// <summary>The signed-in admin's email, or null.</summary>
    public string? Email { get; private set; }

    /// <summary>When the access token (and so this session) expires.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public bool IsSignedIn => Email is not null && ExpiresAt > time.GetUtcNow();

    /// <summary>Raised when someone signs in or out.</summary>
    public event Action? Changed;

    /// <summary>Reads the kept session once per circuit; true when signed in with an unexpired token.</summary>
    public async Task<bool> EnsureRestoredAsync()
    {
        if (!restored)
        {
            restored = true;
            var kept = await store.LoadAsync();
            if (kept is not null && kept.ExpiresAt > time.GetUtcNow())
            {
                Use(kept);
                Changed?.Invoke();
            }
            else if (kept is not null)
            {
                await store.ClearAsync();
            }
        }
        if (Email is not null && !IsSignedIn)
            await EndAsync();
        return IsSignedIn;
    }

    /// <summary>
    /// Logs in and keeps the session when the account is an administrator; otherwise throws <see cref="AdminSignInException"/>.
    /// An account with two-factor authentication is not signed in yet: the challenge for
    /// <see cref="CompleteTwoFactorAsync"/> is returned (null when signed in).
    /// </summary>
    public async Task<string?> SignInAsync(string email, string password)
    {
        var login = await RefusalsAsMessages(() => api.SendAsync(new Login { Email = email, Password = password }));
        if (login.RequiresTwoFactor == true)
            return login.ChallengeToken;
        await KeepIfAdministratorAsync(login);
        return null;
    }

    /// <summary>The second step of a sign-in, with a code from the authenticator app or a recovery code.</summary>
    public async Task CompleteTwoFactorAsync(string challengeToken, string code, bool isRecoveryCode)
    {
        var login = await RefusalsAsMessages(() => isRecoveryCode
            ? api.SendAsync(new RecoverTwoFactor { ChallengeToken = challengeToken, Code = code })
            : api.SendAsync(new VerifyTwoFactor { ChallengeToken = challengeToken, Code = code }));
        await KeepIfAdministratorAsync(login);
    }

    private static async Task<LoginResponse> RefusalsAsMessages(Func<Task<LoginResponse>> send)
    {
        try
        {
            return await send();
        }
        catch (ApiException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests or HttpStatusCode.UnprocessableEntity)
        {
            throw new AdminSignInException(e.ErrorMessage);
        }
    }

    private async Task KeepIfAdministratorAsync(LoginResponse login)
    {
        api.BearerToken = login.AccessToken;
        var me = await api.SendAsync(new GetMe());
        if (!me.IsAdmin)
        {
            await api.SendAsync(new Logout());
            api.BearerToken = null;
            throw new AdminSignInException(NotAnAdministrator);
        }
        var session = new StoredAdminSession(me.Email, login.AccessToken!, time.GetUtcNow().AddSeconds(login.ExpiresIn ?? 0));
        await store.SaveAsync(session);
        Use(session);
        restored = true;
        Changed?.Invoke();
    }

    /// <summary>Logs out at the API (best effort: the token may already be dead) and forgets the session.</summary>
    public async Task SignOutAsync()
    {
        try
        {
            if (api.BearerToken is not null)
                await api.SendAsync(new Logout());
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            // Already revoked or the API is away: the session ends here either way.
        }
        await EndAsync();
    }

    /// <summary>Forgets a session the API no longer accepts.</summary>
    public Task ExpireAsync() => EndAsync();

    private void Use(StoredAdminSession session)
    {
        Email = session.Email;
        ExpiresAt = session.ExpiresAt;
        api.BearerToken = session.AccessToken;
    }

    private async Task EndAsync()
    {
        Email = null;
        ExpiresAt = null;
        api.BearerToken = null;
        await store.ClearAsync();
        Changed?.Invoke();
    }
}
