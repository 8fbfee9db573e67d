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
/// account and leaves the sending to <see cref="MailOutbox"/>.
/// </summary>
public sealed class PasswordResets(UserQueries users, IKeyValueStore store, MailOutbox outbox, MailSettings mail, PasswordChanges changes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan DecoyLifetime = TimeSpan.FromMilliseconds(1);

    /// <summary>Sends a link when the address has an account; returns the account's id, or null.</summary>
    public async Task<Guid?> RequestAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email, cancellationToken);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        // An unknown address does the same work (bench/reset.sh compares the two): its token, which nobody ever sees,
        // is kept for a millisecond under the empty id, and its mail is composed but not sent.
        var payload = JsonSerializer.Serialize(new { user_id = (user?.Id ?? Guid.Empty).ToString(), email = user?.Email ?? email });
        var message = PasswordResetMail.Compose(user?.Email ?? email, PasswordResetMail.LinkFor(mail.PublicBaseUrl, token));
        await store.SetAsync(RedisKeys.PasswordReset(token), payload, user is null ? DecoyLifetime : Lifetime, cancellationToken);
        if (user is null)
            return null;
        outbox.Enqueue(message);
        return user.Id;
    }

    /// <summary>Sets the password of the link's account, once; the account's id, or null for an unknown, used or expired token.</summary>
    public async Task<Guid?> ConfirmAsync(string token, string newPassword, CancellationToken cancellationToken)
    {
        if (await store.TakeAsync(RedisKeys.PasswordReset(token), cancellationToken) is not { } stored)
            return null;
        using var json = JsonDocument.Parse(stored);
        var userId = Guid.Parse(json.RootElement.GetProperty("user_id").GetString()!);
        if (userId == Guid.Empty)
            return null;
        await changes.ApplyAsync(userId, newPassword, "password_reset", cancellationToken);
        return userId;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
