using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Admin;

/// <summary>An administrator's help with a user's account security: resetting two-factor sign-in, revoking app tokens.
/// Both audited.</summary>
public sealed class AdminAccountSecurityServices(TwoFactorQueries twoFactor, AppTokenQueries appTokens, AuditLog audit) : Service
{
    public async Task<AccountMessageResponse> Delete(ResetAdminUserTwoFactor request)
    {
        var state = await twoFactor.FindAsync(request.Id, Aborted) ?? throw HttpError.NotFound("User not found");
        await twoFactor.ClearAsync(request.Id, Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.TwoFactorReset, Caller.UserId, "user", request.Id.ToString(),
            new Dictionary<string, object?> { ["email"] = state.Email, ["was_enabled"] = state.TotpEnabled,
                ["was_locked"] = state.TotpLockedUntil is not null }));
        return new AccountMessageResponse { Message = "2FA has been reset" };
    }

    public async Task Delete(RevokeAdminUserAppToken request)
    {
        var name = await appTokens.RevokeAsync(request.Id, request.TokenId, Aborted) ?? throw HttpError.NotFound("Token not found");
        await audit.RecordAsync(Context,
            new AuditEntry(AuditActions.AppTokenRevoked, Caller.UserId, "app_token", request.TokenId.ToString(),
            new Dictionary<string, object?> { ["name"] = name, ["by"] = "admin", ["user_id"] = request.Id.ToString() }));
    }
}
