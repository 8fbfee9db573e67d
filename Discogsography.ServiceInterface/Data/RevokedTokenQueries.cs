using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>A revocation to write to the key-value store: the key's subject and when it may be forgotten.</summary>
public sealed record RevocationRow(string Id, DateTimeOffset ExpiresAt);

/// <summary>
/// The revocations PostgreSQL remembers (<c>revoked_tokens</c>, and ended sessions whose access tokens have not all
/// expired), so the key-value store's copy can be written again when it was lost.
/// </summary>
public sealed class RevokedTokenQueries(NpgsqlDataSource database)
{
    public async Task AddAsync(string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO revoked_tokens (jti, expires_at) VALUES (@jti, @expiresAt)
            ON CONFLICT (jti) DO UPDATE SET expires_at = GREATEST(revoked_tokens.expires_at, EXCLUDED.expires_at)
            """, new { jti, expiresAt }, cancellationToken: cancellationToken));
    }

    /// <summary>Tokens revoked one by one that have not expired yet.</summary>
    public async Task<IReadOnlyList<RevocationRow>> LiveTokensAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<RevocationRow>(new CommandDefinition(
            "SELECT jti AS id, expires_at FROM revoked_tokens WHERE expires_at > @now", new { now },
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Ended sessions whose access tokens may still be valid: until their last token's expiry, or for
    /// <paramref name="fallback"/> after the end when that was not recorded (sessions from before it was).
    /// With <paramref name="userId"/>, only that user's.
    /// </summary>
    public async Task<IReadOnlyList<RevocationRow>> LiveEndedSessionsAsync(DateTimeOffset now, TimeSpan fallback, Guid? userId,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<RevocationRow>(new CommandDefinition("""
            SELECT id::text AS id, COALESCE(access_expires_at, ended_at + @fallback) AS expires_at FROM auth_sessions
            WHERE ended_at IS NOT NULL AND COALESCE(access_expires_at, ended_at + @fallback) > @now
              AND (@userId::uuid IS NULL OR user_id = @userId)
            """, new { now, fallback, userId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Forgets revocations of tokens that expired before <paramref name="before"/>.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM revoked_tokens WHERE expires_at < @before", new { before }, cancellationToken: cancellationToken));
    }
}
