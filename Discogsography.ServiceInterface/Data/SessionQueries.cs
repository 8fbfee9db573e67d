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

/// <summary>The outcome of a refresh-token rotation, with the session it concerned and when the token was rotated.</summary>
public sealed record RefreshResult(RefreshLookup Lookup, Guid SessionId, Guid UserId, DateTimeOffset? RotatedAt = null);

/// <summary>A session being opened: its id, its first refresh token's hash and its lifetimes.</summary>
public sealed record NewSession(Guid Id, Guid UserId, string? Ip, string? UserAgent, string RefreshTokenHash,
    DateTimeOffset ExpiresAt, DateTimeOffset AbsoluteExpiresAt, DateTimeOffset AccessExpiresAt);

/// <summary>What a rotation stores: the next refresh token's hash and the expiry of the access token issued with it.</summary>
public sealed record Rotation(string NewRefreshTokenHash, DateTimeOffset AccessExpiresAt);

/// <summary>Queries over <c>auth_sessions</c> and <c>auth_refresh_tokens</c>.</summary>
public sealed class SessionQueries(NpgsqlDataSource database)
{
    private const string Columns = "id, user_id, created_at, last_used_at, expires_at, ip, user_agent";

    /// <summary>Opens a session with its first refresh token, in one transaction.</summary>
    public async Task CreateAsync(NewSession session, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO auth_sessions (id, user_id, expires_at, absolute_expires_at, access_expires_at, ip, user_agent)
            VALUES (@Id, @UserId, @ExpiresAt, @AbsoluteExpiresAt, @AccessExpiresAt, @Ip, @UserAgent);
            INSERT INTO auth_refresh_tokens (token_hash, session_id) VALUES (@RefreshTokenHash, @Id);
            """, session, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Rotates a refresh token atomically: the presented token's row stays locked while <paramref name="rotate"/> makes
    /// the next tokens, so two concurrent presentations cannot both win, and the loser sees the rotation only once it is
    /// complete. The session slides to <paramref name="refreshWindow"/> from now, never past its absolute expiry.
    /// </summary>
    public async Task<RefreshResult> RotateAsync(string presentedHash, DateTimeOffset now, TimeSpan refreshWindow,
        Func<RefreshResult, Task<Rotation>> rotate, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var token = await connection.QuerySingleOrDefaultAsync<PresentedToken>(new CommandDefinition("""
            SELECT t.session_id, t.rotated_at, s.user_id, s.ended_at, s.expires_at, s.absolute_expires_at
            FROM auth_refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
            WHERE t.token_hash = @presentedHash
            FOR UPDATE OF t
            """, new { presentedHash }, transaction, cancellationToken: cancellationToken));
        var result = new RefreshResult(LookupOf(token, now), token?.SessionId ?? Guid.Empty, token?.UserId ?? Guid.Empty, token?.RotatedAt);
        if (result.Lookup == RefreshLookup.Rotated)
        {
            var next = await rotate(result);
            var newExpiry = Min(now + refreshWindow, token!.AbsoluteExpiresAt);
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE auth_refresh_tokens SET rotated_at = @now WHERE token_hash = @presentedHash;
                INSERT INTO auth_refresh_tokens (token_hash, session_id) VALUES (@NewRefreshTokenHash, @sessionId);
                UPDATE auth_sessions SET last_used_at = @now, expires_at = @newExpiry,
                       access_expires_at = GREATEST(access_expires_at, @AccessExpiresAt) WHERE id = @sessionId;
                """, new { now, presentedHash, next.NewRefreshTokenHash, sessionId = token.SessionId, newExpiry, next.AccessExpiresAt },
                transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static RefreshLookup LookupOf(PresentedToken? token, DateTimeOffset now) => token switch
    {
        null => RefreshLookup.Unknown,
        { RotatedAt: not null } => RefreshLookup.Reused,
        { EndedAt: not null } => RefreshLookup.Inactive,
        _ when token.ExpiresAt <= now || token.AbsoluteExpiresAt <= now => RefreshLookup.Inactive,
        _ => RefreshLookup.Rotated,
    };

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset? b) => b is { } limit && limit < a ? limit : a;

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
            "DELETE FROM auth_sessions WHERE (ended_at < @before OR expires_at < @before) AND (access_expires_at IS NULL OR access_expires_at < @before)",
            new { before }, cancellationToken: cancellationToken));
    }

    private sealed record PresentedToken
    {
        public Guid SessionId { get; init; }
        public DateTimeOffset? RotatedAt { get; init; }
        public Guid UserId { get; init; }
        public DateTimeOffset? EndedAt { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? AbsoluteExpiresAt { get; init; }
    }
}
