using System.Collections.Concurrent;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>
/// Whether an account still holds a role, from PostgreSQL rather than the token: a token carries the role it was
/// issued with, and a forged or stale admin token of a deactivated or demoted account must not open admin routes.
/// Answers are kept for <see cref="MaxAge"/>, so admin routes cost one query per account every few seconds.
/// </summary>
public sealed class AccountRoles(UserQueries users, TimeProvider time)
{
    /// <summary>How stale an answer may be.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (bool Active, bool Admin, DateTimeOffset ReadAt)> known = new();

    /// <summary>True when the account exists, is active and holds <paramref name="role"/>.</summary>
    public async Task<bool> HoldsAsync(Guid userId, string role, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!known.TryGetValue(userId, out var account) || now - account.ReadAt > MaxAge)
        {
            var user = await users.FindByIdAsync(userId, cancellationToken);
            account = (user?.IsActive == true, user?.IsAdmin == true, now);
            known[userId] = account;
        }
        return account.Active && role == Roles.Admin && account.Admin;
    }

    /// <summary>Drops what is known of an account whose state just changed on this instance.</summary>
    public void Forget(Guid userId) => known.TryRemove(userId, out _);
}
