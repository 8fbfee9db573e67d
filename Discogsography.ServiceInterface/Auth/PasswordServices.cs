using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Validators;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Auth;

/// <summary>Password change and reset (REFERENCE-UPSTREAM.md §B.2–§B.4), with the reference's messages.</summary>
public sealed class PasswordServices(UserQueries users, PasswordChanges changes, PasswordResets resets, AuditLog audit) : Service
{
    public async Task<AccountMessageResponse> Post(ChangeAccountPassword request)
    {
        var user = await users.FindByIdAsync(Caller.UserId, Aborted) ?? throw HttpError.NotFound("User not found");
        if (!PasswordHasher.Verify(request.CurrentPassword, user.HashedPassword))
        {
            await audit.RecordAsync(Context, new AuditEntry(AuditActions.PasswordChangeFailure, user.Id, "user", user.Id.ToString()));
            throw HttpError.Unauthorized("Incorrect current password");
        }
        var (sessionsEnded, appTokensRevoked) = await changes.ApplyAsync(user.Id, request.NewPassword, "password_changed", Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.PasswordChange, user.Id, "user", user.Id.ToString(),
            new Dictionary<string, object?> { ["sessions_ended"] = sessionsEnded, ["app_tokens_revoked"] = appTokensRevoked }));
        return new AccountMessageResponse { Message = "Password has been changed" };
    }

    public async Task<AccountMessageResponse> Post(RequestPasswordReset request)
    {
        var email = RegisterValidator.Normalize(request.Email);
        var userId = await resets.RequestAsync(email, Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.PasswordResetRequested, userId, "user", userId?.ToString(),
            new Dictionary<string, object?> { ["account_exists"] = userId is not null }));
        return new AccountMessageResponse { Message = "If an account exists for that email, a reset link has been sent" };
    }

    public async Task<AccountMessageResponse> Post(ConfirmPasswordReset request)
    {
        var userId = await resets.ConfirmAsync(request.Token, request.NewPassword, Aborted)
                     ?? throw HttpError.BadRequest("Invalid or expired reset token");
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.PasswordResetCompleted, userId, "user", userId.ToString()));
        return new AccountMessageResponse { Message = "Password has been reset" };
    }
}
