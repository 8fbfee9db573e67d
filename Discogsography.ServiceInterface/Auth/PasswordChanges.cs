using System.Globalization;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Storage;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>
/// A new password, and the end of everything that proved the old one: every session of the account (their access and
/// refresh tokens, on every instance), every app token, and tokens without a session issued until now — the Python service's — through
/// <c>password_changed:&lt;user id&gt;</c>, which both services check (REFERENCE-UPSTREAM.md §B.2).
/// </summary>
public sealed class PasswordChanges(
    UserQueries users, Revocations revocations, AppTokenQueries appTokens, IKeyValueStore store, JwtSettings jwt, TimeProvider time)
{
    /// <summary>Stores <paramref name="newPassword"/>, ends every session and revokes every app token; how many of each.</summary>
    public async Task<(int SessionsEnded, int AppTokensRevoked)> ApplyAsync(Guid userId, string newPassword, string reason,
        CancellationToken cancellationToken)
    {
        await users.UpdatePasswordAsync(userId, PasswordHasher.Hash(newPassword), cancellationToken);
        var revokedTokens = await appTokens.RevokeAllAsync(userId, cancellationToken);
        var ended = await revocations.EndSessionsAsync(userId, reason, cancellationToken);
        await store.SetAsync(RedisKeys.PasswordChanged(userId), time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            TimeSpan.FromMinutes(jwt.ExpireMinutes), cancellationToken);
        return (ended.Count, revokedTokens);
    }

    /// <summary>Whether a token without a session, issued at <paramref name="issuedAt"/>, predates the account's last
    /// password change.</summary>
    public async Task<bool> PredatesChangeAsync(Guid userId, long issuedAt, CancellationToken cancellationToken) =>
        await store.GetAsync(RedisKeys.PasswordChanged(userId), cancellationToken) is { } mark
        && long.TryParse(mark, NumberStyles.Integer, CultureInfo.InvariantCulture, out var changedAt) && issuedAt <= changedAt;
}
