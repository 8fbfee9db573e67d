using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>Refresh tokens, the session list, ending sessions and changing the password (the Lanterne Rouge seed).</summary>
public sealed class SessionServices(
    UserQueries users, AuthSessions sessions, Revocations revocations, SessionQueries sessionRows, AuditLog audit, TimeProvider time)
        : Service
{
    /// <summary>
    /// Rotates the refresh token. The same token presented again within seconds (a second tab) gets the same new pair;
    /// presented again later, it is a replay and ends the whole session.
    /// </summary>
    public async Task<LoginResponse> Post(RefreshSession request)
    {
        var (result, tokens) = await sessions.RefreshAsync(request.RefreshToken, Aborted);
        switch (result.Lookup)
        {
            case RefreshLookup.Unknown:
                throw HttpError.Unauthorized("Invalid refresh token").WithBearerChallenge();
            case RefreshLookup.Reused when tokens is not null:
                return tokens;
            case RefreshLookup.Reused:
                await revocations.EndSessionsAsync(result.UserId, "refresh_token_reuse", Aborted, only: result.SessionId);
                await audit.RecordAsync(Context,
                    new AuditEntry(AuditActions.RefreshTokenReuse, result.UserId, "session", result.SessionId.ToString()));
                throw HttpError.Unauthorized("Refresh token was already used; the session has been ended").WithBearerChallenge();
            case RefreshLookup.Inactive:
                throw HttpError.Unauthorized("Session has ended or expired").WithBearerChallenge();
        }
        var user = await users.FindByIdAsync(result.UserId, Aborted);
        if (user is not { IsActive: true })
        {
            await revocations.EndSessionsAsync(result.UserId, "account_inactive", Aborted, only: result.SessionId);
            throw HttpError.Unauthorized("Session has ended or expired").WithBearerChallenge();
        }
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.TokenRefresh, user.Id, "session", result.SessionId.ToString()));
        return tokens!;
    }

    public async Task<ListSessionsResponse> Get(ListSessions request)
    {
        var rows = await sessionRows.ListActiveAsync(Caller.UserId, time.GetUtcNow(), Aborted);
        return new ListSessionsResponse
        {
            Sessions = rows.Select(s => new SessionInfo
            {
                Id = s.Id, CreatedAt = s.CreatedAt, LastUsedAt = s.LastUsedAt, ExpiresAt = s.ExpiresAt,
                Ip = s.Ip, UserAgent = s.UserAgent, Current = s.Id == Caller.SessionId,
            }).ToList(),
        };
    }

    /// <summary>Ends one of the caller's own sessions; another user's session id is 404, like an unknown one.</summary>
    public async Task Delete(EndSession request)
    {
        var ended = await revocations.EndSessionsAsync(Caller.UserId, "ended_by_user", Aborted, only: request.Id);
        if (ended.Count == 0)
            throw HttpError.NotFound("Session not found");
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.SessionEnd, Caller.UserId, "session", request.Id.ToString()));
    }

    public async Task<ChangePasswordResponse> Post(ChangePassword request)
    {
        var user = await users.FindByIdAsync(Caller.UserId, Aborted) ?? throw HttpError.NotFound("User not found");
        if (!PasswordHasher.Verify(request.CurrentPassword, user.HashedPassword))
        {
            await audit.RecordAsync(Context, new AuditEntry(AuditActions.PasswordChangeFailure, user.Id, "user", user.Id.ToString()));
            throw HttpError.BadRequest("Current password is incorrect");
        }
        await users.UpdatePasswordAsync(user.Id, PasswordHasher.Hash(request.NewPassword), Aborted);
        var ended = await revocations.EndSessionsAsync(user.Id, "password_changed", Aborted, except: Caller.SessionId);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.PasswordChange, user.Id, "user", user.Id.ToString(),
            new Dictionary<string, object?> { ["sessions_ended"] = ended.Count }));
        return new ChangePasswordResponse { Changed = true, SessionsEnded = ended.Count };
    }

}
