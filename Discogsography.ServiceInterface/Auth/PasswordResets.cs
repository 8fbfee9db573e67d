using System.Security.Cryptography;
using System.Text.Json;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Mail;
using Discogsography.ServiceInterface.Storage;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>
/// Password resets by e-mailed link (REFERENCE-UPSTREAM.md §B.3–§B.4): a random token kept 15 minutes in
/// <c>reset:&lt;token&gt;</c>, taken once with GETDEL. A request does the same work whether or not the address has an
/// account (one key-value round trip either way) and leaves the sending to <see cref="MailOutbox"/>.
/// </summary>
public sealed class PasswordResets(UserQueries users, IKeyValueStore store, MailOutbox outbox, MailSettings mail, PasswordChanges changes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Sends a link when the address has an account; returns the account's id, or null.</summary>
    public async Task<Guid?> RequestAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email, cancellationToken);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = RedisKeys.PasswordReset(token);
        if (user is null)
        {
            await store.GetAsync(key, cancellationToken);
            return null;
        }
        await store.SetAsync(key, JsonSerializer.Serialize(new { user_id = user.Id.ToString(), email = user.Email }), Lifetime, cancellationToken);
        outbox.Enqueue(PasswordResetMail.Compose(user.Email, PasswordResetMail.LinkFor(mail.PublicBaseUrl, token)));
        return user.Id;
    }

    /// <summary>Sets the password of the link's account, once; the account's id, or null for an unknown, used or expired token.</summary>
    public async Task<Guid?> ConfirmAsync(string token, string newPassword, CancellationToken cancellationToken)
    {
        if (await store.TakeAsync(RedisKeys.PasswordReset(token), cancellationToken) is not { } stored)
            return null;
        using var json = JsonDocument.Parse(stored);
        var userId = Guid.Parse(json.RootElement.GetProperty("user_id").GetString()!);
        await changes.ApplyAsync(userId, newPassword, "password_reset", cancellationToken);
        return userId;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
