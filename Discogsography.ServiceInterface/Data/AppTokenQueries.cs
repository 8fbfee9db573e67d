using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>A row of <c>app_tokens</c>, without its hash.</summary>
public sealed record AppTokenRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string[] Scope { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>The owner and scopes of a working app token.</summary>
public sealed record AppTokenOwner
{
    public Guid TokenId { get; init; }
    public Guid UserId { get; init; }
    public string Email { get; init; } = "";
    public string TokenHash { get; init; } = "";
    public string[] Scope { get; init; } = [];
}

/// <summary>Queries over <c>app_tokens</c> (REFERENCE-UPSTREAM.md §D.1).</summary>
public sealed class AppTokenQueries(NpgsqlDataSource database)
{
    private const string Columns = "id, name, scope, created_at, last_used_at, revoked_at";

    public async Task<AppTokenRow> InsertAsync(Guid userId, string name, string[] scope, string tokenHash,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<AppTokenRow>(new CommandDefinition(
            $"INSERT INTO app_tokens (user_id, name, scope, token_hash) VALUES (@userId, @name, @scope, @tokenHash) RETURNING {Columns}",
            new { userId, name, scope, tokenHash }, cancellationToken: cancellationToken));
    }

    /// <summary>The user's tokens, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<AppTokenRow>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<AppTokenRow>(new CommandDefinition(
            $"SELECT {Columns} FROM app_tokens WHERE user_id = @userId ORDER BY created_at DESC, id", new { userId },
            cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// The working token with this hash whose account is active, or null; in the same statement its use is recorded,
    /// at most once a minute (the list shows it to the minute), so a request costs one round trip.
    /// </summary>
    public async Task<AppTokenOwner?> UseActiveAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AppTokenOwner>(new CommandDefinition("""
            WITH found AS (
                SELECT t.id AS token_id, t.user_id, u.email, t.token_hash, t.scope, t.last_used_at
                FROM app_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = @tokenHash AND t.revoked_at IS NULL AND u.is_active
                LIMIT 1),
            touched AS (
                UPDATE app_tokens t SET last_used_at = NOW() FROM found
                WHERE t.id = found.token_id AND (found.last_used_at IS NULL OR found.last_used_at < NOW() - INTERVAL '1 minute'))
            SELECT token_id, user_id, email, token_hash, scope FROM found
            """, new { tokenHash }, cancellationToken: cancellationToken));
    }

    /// <summary>Revokes one working token of the user; its name, or null when there was none.</summary>
    public async Task<string?> RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "UPDATE app_tokens SET revoked_at = NOW() WHERE id = @tokenId AND user_id = @userId AND revoked_at IS NULL RETURNING name",
            new { userId, tokenId }, cancellationToken: cancellationToken));
    }

    /// <summary>Revokes every working token of the user; how many.</summary>
    public async Task<int> RevokeAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE app_tokens SET revoked_at = NOW() WHERE user_id = @userId AND revoked_at IS NULL", new { userId },
            cancellationToken: cancellationToken));
    }
}
