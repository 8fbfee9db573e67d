using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Auth.TwoFactor;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Validators;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>Register, login, logout and <c>/me</c> (REFERENCE-API.md §4.2–4.5).</summary>
public sealed class AuthServices(
    UserQueries users, AuthSessions sessions, Revocations revocations, LoginThrottle throttle, TwoFactorChallenges challenges,
    AuditLog audit,
    TimeProvider time) : Service
{
    private const string RegistrationProcessed = "Registration processed";

    /// <summary>
    /// Blind registration: the password is hashed first and the answer is the same 201 whether the email was new
    /// or taken, so registration cannot be used to discover accounts.
    /// </summary>
    public async Task<RegisterResponse> Post(Register request)
    {
        var email = RegisterValidator.Normalize(request.Email);
        var hash = PasswordHasher.Hash(request.Password);
        var created = await users.InsertAsync(email, hash, isAdmin: false, Aborted);
        var userId = created ?? (await users.FindByEmailAsync(email, Aborted))?.Id;
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.Register, userId, "user", userId?.ToString(),
            new Dictionary<string, object?> { ["outcome"] = created is null ? "duplicate" : "created" }));
        return new RegisterResponse { Message = RegistrationProcessed };
    }

    /// <summary>Failed sign-ins keep this much of the email in the audit log (the longest valid address).</summary>
    private const int AuditedEmailLength = 320;

    /// <summary>
    /// Unknown email, inactive account and wrong password give the same 401 after the same PBKDF2 work (the
    /// unknown email against a dummy hash, the inactive account against its real one). An email with too many
    /// recent failures is refused before any of that, whether or not it has an account.
    /// </summary>
    public async Task<LoginResponse> Post(Login request)
    {
        var email = RegisterValidator.Normalize(request.Email);
        await throttle.EnsureAllowedAsync(email, Aborted);
        var user = await users.FindByEmailAsync(email, Aborted);
        var passwordMatches = PasswordHasher.Verify(request.Password, user?.HashedPassword ?? PasswordHasher.DummyHash);
        if (user is null || !user.IsActive || !passwordMatches)
        {
            var reason = user is null ? "unknown_email" : !user.IsActive ? "inactive" : "wrong_password";
            await throttle.RecordFailureAsync(email, Aborted);
            await audit.RecordAsync(Context, new AuditEntry(AuditActions.LoginFailure, user?.Id, "user", user?.Id.ToString(),
                new Dictionary<string, object?> { ["email"] = email[..Math.Min(email.Length, AuditedEmailLength)], ["reason"] = reason }));
            throw HttpError.Unauthorized("Incorrect email or password").WithBearerChallenge();
        }
        await throttle.ResetAsync(email, Aborted);
        if (user.TotpEnabled)
            return await ChallengeAsync(user);
        var tokens = await sessions.StartAsync(user, Context.ClientIp, Context.UserAgent, Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.LoginSuccess, user.Id, "session", tokens.SessionId.ToString()));
        return tokens.ToResponse();
    }

    /// <summary>The password was right and the account has 2FA: a challenge for the second step (REFERENCE-UPSTREAM.md §B.5.6).</summary>
    private async Task<LoginResponse> ChallengeAsync(UserRow user)
    {
        var challenge = await challenges.IssueAsync(user.Id, user.Email, Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.Login2faRequired, user.Id, "user", user.Id.ToString()));
        return new LoginResponse { RequiresTwoFactor = true, ChallengeToken = challenge, Message = "TOTP verification required" };
    }

    /// <summary>Revokes this access token until its own expiry (REFERENCE-API.md §3.4) and ends its session.</summary>
    public async Task<LogoutResponse> Post(Logout request)
    {
        if (Caller.TokenId is { } jti)
            await revocations.RevokeTokenAsync(jti, Caller.ExpiresAt ?? time.GetUtcNow().AddHours(1), Aborted);
        if (Caller.SessionId is { } sessionId)
            await revocations.EndSessionsAsync(Caller.UserId, "logout", Aborted, only: sessionId);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.Logout, Caller.UserId, "session", Caller.SessionId?.ToString()));
        return new LogoutResponse { LoggedOut = true };
    }

    /// <summary>The caller's account; inactive accounts are still returned, as in the reference.</summary>
    public async Task<MeResponse> Get(GetMe request)
    {
        var userId = Caller.UserId;
        var user = await users.FindByIdAsync(userId, Aborted) ?? throw HttpError.NotFound("User not found");
        return new MeResponse { Id = user.Id, Email = user.Email, IsActive = user.IsActive, CreatedAt = user.CreatedAt,
            TotpEnabled = user.TotpEnabled, IsAdmin = user.IsAdmin };
    }
}
