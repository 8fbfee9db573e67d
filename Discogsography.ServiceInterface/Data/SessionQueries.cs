using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>A row of <c>auth_sessions</c>.</summary>
public sealed record SessionRow
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastUsedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public string? Ip { get; init; }
    public string? UserAgent { get; init; }
}

/// <summary>What presenting a refresh token found.</summary>
public enum RefreshLookup
{
    /// <summary>The token was current; it is now rotated and the new one stored.</summary>
    Rotated,

    /// <summary>No such token.</summary>
    Unknown,

    /// <summary>The token was already rotated: a replay, so the session must end.</summary>
    Reused,

    /// <summary>The session ended or expired.</summary>
    Inactive,
}

/// <summary>The outcome of a refresh-token rotation, with the session it concerned.</summary>
public sealed record RefreshResult(RefreshLookup Lookup, Guid SessionId, Guid UserId);

/// <summary>Queries over <c>auth_sessions</c> and <c>auth_refresh_tokens</c>.</summary>
public sealed class SessionQueries(NpgsqlDataSource database)
{
    private const string Columns = "id, user_id, created_at, last_used_at, expires_at, ip, user_agent";

    /// <summary>Opens a session with its first refresh token, in one transaction.</summary>
    public async Task<Guid> CreateAsync(Guid userId, string? ip, string? userAgent, DateTimeOffset expiresAt, string refreshTokenHash,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            INSERT INTO auth_sessions (user_id, expires_at, ip, user_agent) VALUES (@userId, @expiresAt, @ip, @userAgent) RETURNING id
            """, new { userId, expiresAt, ip, userAgent }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO auth_refresh_tokens (token_hash, session_id) VALUES (@refreshTokenHash, @id)",
            new { refreshTokenHash, id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Rotates a refresh token atomically (the row is locked, so two concurrent presentations cannot both win)
    /// and slides the session's expiry.
    /// </summary>
    public async Task<RefreshResult> RotateAsync(string presentedHash, string newHash, DateTimeOffset now, DateTimeOffset newExpiry,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var token = await connection.QuerySingleOrDefaultAsync<PresentedToken>(new CommandDefinition("""
            SELECT t.session_id, t.rotated_at, s.user_id, s.ended_at, s.expires_at
            FROM auth_refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
            WHERE t.token_hash = @presentedHash
            FOR UPDATE OF t
            """, new { presentedHash }, transaction, cancellationToken: cancellationToken));
        var lookup = token switch
        {
            null => RefreshLookup.Unknown,
            { RotatedAt: not null } => RefreshLookup.Reused,
            { EndedAt: not null } => RefreshLookup.Inactive,
            _ when token.ExpiresAt <= now => RefreshLookup.Inactive,
            _ => RefreshLookup.Rotated,
        };
        if (lookup == RefreshLookup.Rotated)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE auth_refresh_tokens SET rotated_at = @now WHERE token_hash = @presentedHash;
                INSERT INTO auth_refresh_tokens (token_hash, session_id) VALUES (@newHash, @sessionId);
                UPDATE auth_sessions SET last_used_at = @now, expires_at = @newExpiry WHERE id = @sessionId;
                """, new { now, presentedHash, newHash, sessionId = token!.SessionId, newExpiry }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return new RefreshResult(lookup, token?.SessionId ?? Guid.Empty, token?.UserId ?? Guid.Empty);
    }

    /// <summary>The user's sessions that have not ended or expired, most recently used first.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListActiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SessionRow>(new CommandDefinition($"""
            SELECT {Columns} FROM auth_sessions
            WHERE user_id = @userId AND ended_at IS NULL AND expires_at > @now
            ORDER BY last_used_at DESC, created_at DESC
            """, new { userId, now }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Ends the user's sessions (one, all, or all but one); returns the ids that were still active.</summary>
    public async Task<IReadOnlyList<Guid>> EndAsync(Guid userId, Guid? only, Guid? except, string reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Guid>(new CommandDefinition("""
            UPDATE auth_sessions SET ended_at = @now, ended_reason = @reason
            WHERE user_id = @userId AND ended_at IS NULL
              AND (@only::uuid IS NULL OR id = @only) AND (@except::uuid IS NULL OR id <> @except)
            RETURNING id
            """, new { userId, only, except, reason, now }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Records activity on a session (callers throttle this to about once a minute).</summary>
    public async Task TouchAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE auth_sessions SET last_used_at = @now WHERE id = @sessionId AND ended_at IS NULL",
            new { sessionId, now }, cancellationToken: cancellationToken));
    }

    /// <summary>Deletes sessions (and their refresh tokens) that ended or expired before <paramref name="before"/>.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM auth_sessions WHERE ended_at < @before OR expires_at < @before",
            new { before }, cancellationToken: cancellationToken));
    }

    private sealed record PresentedToken
    {
        public Guid SessionId { get; init; }
        public DateTimeOffset? RotatedAt { get; init; }
        public Guid UserId { get; init; }
        public DateTimeOffset? EndedAt { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
    }
}
