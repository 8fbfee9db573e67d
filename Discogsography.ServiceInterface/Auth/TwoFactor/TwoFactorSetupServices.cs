using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Auth.TwoFactor;

/// <summary>
/// Setting up, confirming and disabling two-factor authentication (REFERENCE-UPSTREAM.md §B.5.2, §B.5.3, §B.5.7), with
/// the upstream's messages. Unlike the upstream, setup never replaces the secret of an account that has 2FA on.
/// </summary>
public sealed class TwoFactorSetupServices(TwoFactorQueries twoFactor, TotpSecrets secrets, TotpCodes codes, AuditLog audit) : Service
{
    /// <summary>The issuer authenticator apps show beside the account.</summary>
    public const string Issuer = "Discogsography";

    public async Task<TwoFactorSetupResponse> Post(SetUpTwoFactor request)
    {
        secrets.EnsureConfigured();
        var state = await twoFactor.FindAsync(Caller.UserId, Aborted) ?? throw HttpError.NotFound("User not found");
        var secret = TotpCodes.NewSecret();
        var recoveryCodes = RecoveryCodes.Issue();
        if (state.TotpEnabled
            || !await twoFactor.SetUpAsync(state.Id, secrets.Protect(secret), recoveryCodes.Select(RecoveryCodes.DigestOf), Aborted))
            throw HttpError.BadRequest("2FA is already enabled");
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.TwoFactorSetup, state.Id, "user", state.Id.ToString()));
        var keyUri = TotpCodes.KeyUri(Issuer, state.Email, secret);
        return new TwoFactorSetupResponse { Secret = secret, OtpauthUri = keyUri, RecoveryCodes = recoveryCodes,
            QrCode = KeyUriQrCode.PngDataUrl(keyUri) };
    }

    public async Task<AccountMessageResponse> Post(ConfirmTwoFactor request)
    {
        secrets.EnsureConfigured();
        var state = await twoFactor.FindAsync(Caller.UserId, Aborted);
        if (state?.TotpSecret is null)
            throw HttpError.BadRequest("2FA not set up — call /api/auth/2fa/setup first");
        if (codes.Match(secrets.Unprotect(state.TotpSecret), request.Code, state.TotpLastStep) is not { } step)
            throw HttpError.BadRequest("Invalid TOTP code");
        await twoFactor.EnableAsync(state.Id, step, Aborted);
        if (!state.TotpEnabled)
            await audit.RecordAsync(Context, new AuditEntry(AuditActions.TwoFactorEnabled, state.Id, "user", state.Id.ToString()));
        return new AccountMessageResponse { Message = "2FA has been enabled" };
    }

    public async Task<AccountMessageResponse> Post(DisableTwoFactor request)
    {
        var state = await twoFactor.FindAsync(Caller.UserId, Aborted) ?? throw HttpError.NotFound("User not found");
        if (!PasswordHasher.Verify(request.Password, state.HashedPassword))
        {
            await audit.RecordAsync(Context, new AuditEntry(AuditActions.TwoFactorDisableFailure, state.Id, "user", state.Id.ToString(),
                new Dictionary<string, object?> { ["reason"] = "wrong_password" }));
            throw HttpError.Unauthorized("Incorrect password");
        }
        if (!state.TotpEnabled || state.TotpSecret is null)
            throw HttpError.BadRequest("2FA is not enabled");
        if (codes.Match(secrets.Unprotect(state.TotpSecret), request.Code, state.TotpLastStep) is null)
            throw HttpError.BadRequest("Invalid TOTP code");
        await twoFactor.ClearAsync(state.Id, Aborted);
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.TwoFactorDisabled, state.Id, "user", state.Id.ToString()));
        return new AccountMessageResponse { Message = "2FA has been disabled" };
    }
}
