using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>
/// Ending sessions and revoking access tokens so that no failure goes unnoticed. PostgreSQL is the record (ended
/// sessions, <c>revoked_tokens</c>); the key-value store holds the copy every request checks
/// (<c>revoked:sid:</c>, <c>revoked:jti:</c>), each key kept until the tokens it covers expire. A store that fails
/// mid-way is retried, then reported (503); doing the same action again writes every recent revocation of that user
/// again. A store that lost its data (a restart without persistence, a flush) is noticed by the missing
/// <see cref="RedisKeys.RevocationsComplete"/> marker on the next check, and refilled from PostgreSQL before it answers.
/// </summary>
public sealed partial class Revocations(
    SessionQueries sessions, RevokedTokenQueries revoked, IKeyValueStore store, JwtSettings jwt, TimeProvider time,
    ILogger<Revocations> logger)
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)];
    private readonly SemaphoreSlim restoring = new(1, 1);

    /// <summary>How long an access token issued now lives (and so how long an end without a recorded expiry must hold).</summary>
    private TimeSpan AccessLifetime => TimeSpan.FromMinutes(jwt.ExpireMinutes);

    /// <summary>
    /// Ends the user's sessions (one, all, or all but one) and revokes their access tokens; returns those that were
    /// still active. Every recently ended session of the user is revoked again, so repeating an action repairs one
    /// that failed half-way.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> EndSessionsAsync(Guid userId, string reason, CancellationToken cancellationToken,
        Guid? only = null, Guid? except = null)
    {
        var now = time.GetUtcNow();
        var ended = await sessions.EndAsync(userId, only, except, reason, now, cancellationToken);
        foreach (var session in await revoked.LiveEndedSessionsAsync(now, AccessLifetime, userId, cancellationToken))
            await WriteAsync(RedisKeys.RevokedSession(Guid.Parse(session.Id)), session.ExpiresAt, now, cancellationToken);
        return ended;
    }

    /// <summary>Revokes one access token until its own expiry (tokens of the Python service included).</summary>
    public async Task RevokeTokenAsync(string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await revoked.AddAsync(jti, expiresAt, cancellationToken);
        await WriteAsync(RedisKeys.RevokedToken(jti), expiresAt, now, cancellationToken);
    }

    /// <summary>Whether the token or its session is revoked: one round trip, plus a refill when the store lost its data.</summary>
    public async Task<bool> IsRevokedAsync(string? jti, Guid? sessionId, CancellationToken cancellationToken)
    {
        var keys = new List<string>(2);
        if (jti is not null)
            keys.Add(RedisKeys.RevokedToken(jti));
        if (sessionId is { } sid)
            keys.Add(RedisKeys.RevokedSession(sid));
        if (await store.AnyExistsUnlessLostAsync(RedisKeys.RevocationsComplete, keys, cancellationToken) is { } revokedNow)
            return revokedNow;
        await RestoreAsync(cancellationToken);
        return await store.AnyExistsUnlessLostAsync(RedisKeys.RevocationsComplete, keys, cancellationToken) ?? true;
    }

    /// <summary>Writes every live revocation PostgreSQL knows of, then the marker saying the store is complete again.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        await restoring.WaitAsync(cancellationToken);
        try
        {
            if (await store.AnyExistsUnlessLostAsync(RedisKeys.RevocationsComplete, [], cancellationToken) is not null)
                return;
            var now = time.GetUtcNow();
            var endedSessions = await revoked.LiveEndedSessionsAsync(now, AccessLifetime, null, cancellationToken);
            var tokens = await revoked.LiveTokensAsync(now, cancellationToken);
            foreach (var session in endedSessions)
                await WriteAsync(RedisKeys.RevokedSession(Guid.Parse(session.Id)), session.ExpiresAt, now, cancellationToken);
            foreach (var token in tokens)
                await WriteAsync(RedisKeys.RevokedToken(token.Id), token.ExpiresAt, now, cancellationToken);
            await store.SetAsync(RedisKeys.RevocationsComplete, now.ToString("O"), null, cancellationToken);
            LogRestored(logger, endedSessions.Count, tokens.Count, store.Kind);
        }
        finally
        {
            restoring.Release();
        }
    }

    /// <summary>
    /// One revocation key, kept until the expiry it covers (a token is valid only before its <c>exp</c>, RFC 7519 §4.1.4);
    /// retried twice before the failure is reported.
    /// </summary>
    private async Task WriteAsync(string key, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ttl = expiresAt - now;
        if (ttl <= TimeSpan.Zero)
            return;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await store.SetAsync(key, "1", ttl, cancellationToken);
                return;
            }
            catch (DependencyUnavailableException e) when (attempt < RetryDelays.Length)
            {
                LogRetrying(logger, attempt + 1, e.Message);
                await Task.Delay(RetryDelays[attempt], time, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The {Store} key-value store had lost its revocations: wrote {Sessions} ended session(s) and {Tokens} revoked token(s) again from PostgreSQL")]
    private static partial void LogRestored(ILogger logger, int sessions, int tokens, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a revocation failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int attempt, string reason);
}
