using System.Globalization;
using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Auth.TwoFactor;

/// <summary>
/// The second sign-in step, with an app code or a recovery code (REFERENCE-UPSTREAM.md §B.5.4–§B.5.5). Both honour
/// the same lock and count toward it (the upstream let recovery codes bypass it), a lock that ran out starts the count
/// again, an app code is accepted once, and success opens a session like a password sign-in.
/// </summary>
public sealed class TwoFactorSignInServices(
    TwoFactorChallenges challenges, TwoFactorQueries twoFactor, TotpSecrets secrets, TotpCodes codes, UserQueries users,
    AuthSessions sessions, AuditLog audit, TimeProvider time) : Service
{
    private const string LastCodeWarning = "This was your last recovery code. Please set up new recovery codes.";

    public async Task<LoginResponse> Post(VerifyTwoFactor request)
    {
        var challenge = await challenges.ReadAsync(request.ChallengeToken, Aborted);
        var state = await twoFactor.FindAsync(challenge.UserId, Aborted);
        if (state?.TotpSecret is null)
            throw HttpError.Unauthorized("2FA not configured");
        EnsureNotLocked(state);
        secrets.EnsureConfigured();
        await challenges.SpendAsync(challenge, Aborted);
        var step = codes.Match(secrets.Unprotect(state.TotpSecret), request.Code, state.TotpLastStep);
        if (step is null || !await twoFactor.AcceptCodeAsync(state.Id, step.Value, Aborted))
            throw await FailureAsync(state, "totp", "Invalid TOTP code");
        return await SignInAsync(state.Id, "totp", warning: null);
    }

    public async Task<LoginResponse> Post(RecoverTwoFactor request)
    {
        var challenge = await challenges.ReadAsync(request.ChallengeToken, Aborted);
        var state = await twoFactor.FindAsync(challenge.UserId, Aborted);
        if (state is not null)
            EnsureNotLocked(state);
        await challenges.SpendAsync(challenge, Aborted);
        if (state is null || state.RecoveryCodesLeft == 0)
            throw HttpError.Unauthorized("No recovery codes available");
        if (await twoFactor.SpendRecoveryCodeAsync(state.Id, RecoveryCodes.DigestOf(request.Code), Aborted) is not { } left)
            throw await FailureAsync(state, "recovery_code", "Invalid recovery code");
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.TwoFactorRecoveryCodeUsed, state.Id, "user", state.Id.ToString(),
            new Dictionary<string, object?> { ["codes_left"] = left }));
        return await SignInAsync(state.Id, "recovery_code", left == 0 ? LastCodeWarning : null);
    }

    /// <summary>429 while the account is locked; the challenge is left for a later attempt.</summary>
    private void EnsureNotLocked(TwoFactorRow state)
    {
        var now = time.GetUtcNow();
        if (!state.IsLockedAt(now))
            return;
        var retryAfter = (int)Math.Ceiling((state.TotpLockedUntil!.Value - now).TotalSeconds);
        throw HttpError.TooManyRequests("Account temporarily locked due to failed 2FA attempts")
            .WithHeader("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Counts the wrong code (locking at the fifth) and returns the 401 to throw.</summary>
    private async Task<HttpError> FailureAsync(TwoFactorRow state, string method, string message)
    {
        var failure = await twoFactor.RecordFailureAsync(state.Id, time.GetUtcNow(), Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.TwoFactorFailure, state.Id, "user", state.Id.ToString(),
            new Dictionary<string, object?> { ["method"] = method, ["attempts"] = failure.Attempts }));
        if (failure.Attempts == TwoFactorQueries.FailuresBeforeLock)
            await audit.RecordAsync(Context, new AuditEntry(AuditActions.TwoFactorLocked, state.Id, "user", state.Id.ToString(),
                new Dictionary<string, object?> { ["locked_until"] = failure.LockedUntil }));
        return HttpError.Unauthorized(message);
    }

    private async Task<LoginResponse> SignInAsync(Guid userId, string method, string? warning)
    {
        var user = await users.FindByIdAsync(userId, Aborted);
        if (user is not { IsActive: true })
            throw HttpError.Unauthorized("Invalid challenge token");
        var tokens = await sessions.StartAsync(user, Context.ClientIp, Context.UserAgent, Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.LoginSuccess, user.Id, "session", tokens.SessionId.ToString(),
            new Dictionary<string, object?> { ["second_factor"] = method }));
        return tokens.ToResponse(warning);
    }
}
