using System.Text.Json;
using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>An account's two-factor state (REFERENCE-UPSTREAM.md §D.1, plus the step of the last accepted code).</summary>
public sealed record TwoFactorRow
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string HashedPassword { get; init; } = "";
    public string? TotpSecret { get; init; }
    public bool TotpEnabled { get; init; }
    public int RecoveryCodesLeft { get; init; }
    public int TotpFailedAttempts { get; init; }
    public DateTimeOffset? TotpLockedUntil { get; init; }
    public long? TotpLastStep { get; init; }

    /// <summary>Whether second steps are refused at <paramref name="now"/>.</summary>
    public bool IsLockedAt(DateTimeOffset now) => TotpLockedUntil is { } until && until > now;
}

/// <summary>The failure count after a wrong code, and the lock it set (if any).</summary>
public sealed record TwoFactorFailure(int Attempts, DateTimeOffset? LockedUntil);

/// <summary>The <c>totp_*</c> columns of <c>users</c>; every write also sets <c>updated_at</c>, as the upstream's do.</summary>
public sealed class TwoFactorQueries(NpgsqlDataSource database)
{
    /// <summary>Wrong codes in a row that lock second steps (REFERENCE-UPSTREAM.md §B.5.1).</summary>
    public const int FailuresBeforeLock = 5;

    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    public async Task<TwoFactorRow?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TwoFactorRow>(new CommandDefinition("""
            SELECT id, email, hashed_password, totp_secret, totp_enabled, COALESCE(jsonb_array_length(totp_recovery_codes), 0) AS recovery_codes_left,
                   totp_failed_attempts, totp_locked_until, totp_last_step
            FROM users WHERE id = @userId
            """, new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores a new secret and recovery digests unless two-factor sign-in is on; false when it is (or no such user).</summary>
    public async Task<bool> SetUpAsync(Guid userId, string protectedSecret, IEnumerable<string> recoveryDigests,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET totp_secret = @protectedSecret, totp_recovery_codes = @digests::jsonb, totp_last_step = NULL, updated_at = NOW()
            WHERE id = @userId AND NOT totp_enabled
            """, new { userId, protectedSecret, digests = JsonSerializer.Serialize(recoveryDigests) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Turns two-factor sign-in on, remembering the step of the code that proved the app works.</summary>
    public async Task EnableAsync(Guid userId, long acceptedStep, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET totp_enabled = TRUE, totp_last_step = @acceptedStep, updated_at = NOW() WHERE id = @userId",
            new { userId, acceptedStep }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Counts a wrong code; at <see cref="FailuresBeforeLock"/> the account is locked for <see cref="LockDuration"/>. A lock
    /// that has run out starts the count again (the upstream kept counting, so one mistake re-locked at once).
    /// </summary>
    public async Task<TwoFactorFailure> RecordFailureAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<TwoFactorFailure>(new CommandDefinition("""
            WITH counted AS (
                SELECT id, CASE WHEN totp_locked_until <= @now THEN 1 ELSE totp_failed_attempts + 1 END AS attempts
                FROM users WHERE id = @userId FOR UPDATE)
            UPDATE users u SET totp_failed_attempts = c.attempts,
                               totp_locked_until = CASE WHEN c.attempts >= @limit THEN @lockedUntil
                                                        WHEN u.totp_locked_until <= @now THEN NULL
                                                        ELSE u.totp_locked_until END,
                               updated_at = NOW()
            FROM counted c WHERE u.id = c.id
            RETURNING u.totp_failed_attempts AS attempts, u.totp_locked_until AS locked_until
            """, new { userId, now, limit = FailuresBeforeLock, lockedUntil = now + LockDuration }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records an accepted app code: the count and lock are cleared and its step remembered. False when a code of
    /// this step or a later one was accepted meanwhile (the same code sent twice at once).
    /// </summary>
    public async Task<bool> AcceptCodeAsync(Guid userId, long step, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET totp_failed_attempts = 0, totp_locked_until = NULL, totp_last_step = @step, updated_at = NOW()
            WHERE id = @userId AND (totp_last_step IS NULL OR totp_last_step < @step)
            """, new { userId, step }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Spends a recovery code by its digest; the codes left, or null when it is not (or no longer) one of them.</summary>
    public async Task<int?> SpendRecoveryCodeAsync(Guid userId, string digest, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition("""
            UPDATE users SET totp_recovery_codes = totp_recovery_codes - @digest, totp_failed_attempts = 0, totp_locked_until = NULL, updated_at = NOW()
            WHERE id = @userId AND jsonb_exists(totp_recovery_codes, @digest)
            RETURNING jsonb_array_length(totp_recovery_codes)
            """, new { userId, digest }, cancellationToken: cancellationToken));
    }

    /// <summary>Turns two-factor sign-in off and forgets the secret, codes, count and lock; false when there was no such user.</summary>
    public async Task<bool> ClearAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET totp_secret = NULL, totp_enabled = FALSE, totp_recovery_codes = NULL, totp_failed_attempts = 0,
                             totp_locked_until = NULL, totp_last_step = NULL, updated_at = NOW()
            WHERE id = @userId
            """, new { userId }, cancellationToken: cancellationToken)) == 1;
    }
}
