using System.ComponentModel.DataAnnotations;

namespace Discogsography.ServiceModel;

/// <summary>The shape of a time-based one-time code (RFC 6238): six digits.</summary>
public static class TotpCodeRules
{
    public const int Length = 6;
    public const string Pattern = @"^\d{6}$";
}

/// <summary>
/// Starts two-factor authentication (REFERENCE-UPSTREAM.md §B.5.2): a new secret for an authenticator app and eight
/// single-use recovery codes, shown only now. Nothing changes at sign-in until <c>/api/auth/2fa/confirm</c> proves the
/// app works. Refused while two-factor authentication is on: disable it first.
/// </summary>
[Route("/api/auth/2fa/setup", "POST"), Tag(Tags.Auth), Authenticate]
[ErrorResponse(404, "The account no longer exists")]
[ErrorResponse(400, "2FA is already enabled")]
public class SetUpTwoFactor : IReturn<TwoFactorSetupResponse>;

/// <summary>What an authenticator app needs, and the recovery codes.</summary>
public class TwoFactorSetupResponse
{
    /// <summary>The shared secret, base32 (32 characters).</summary>
    public required string Secret { get; set; }

    /// <summary>The <c>otpauth://totp/…</c> key URI authenticator apps read.</summary>
    public required string OtpauthUri { get; set; }

    /// <summary>Eight codes, each good for one sign-in without the app. Stored hashed: they cannot be shown again.</summary>
    public required List<string> RecoveryCodes { get; set; }

    /// <summary>The key URI as a QR code: a <c>data:image/png;base64,…</c> URL for an <c>img</c> element.</summary>
    public required string QrCode { get; set; }
}

/// <summary>Turns two-factor authentication on with a current code from the app (REFERENCE-UPSTREAM.md §B.5.3).</summary>
[Route("/api/auth/2fa/confirm", "POST"), Tag(Tags.Auth), Authenticate]
[ErrorResponse(400, "No setup yet, or a wrong code")]
public class ConfirmTwoFactor : IReturn<AccountMessageResponse>
{
    /// <summary>Six digits from the authenticator app.</summary>
    [MinLength(TotpCodeRules.Length), MaxLength(TotpCodeRules.Length), RegularExpression(TotpCodeRules.Pattern), Example("123456")]
    public required string Code { get; set; }
}

/// <summary>
/// The second sign-in step with a code from the app (REFERENCE-UPSTREAM.md §B.5.4). The challenge works once; five
/// wrong codes lock two-factor sign-in for 15 minutes; a code that was accepted once is not accepted again.
/// </summary>
[Route("/api/auth/2fa/verify", "POST"), Tag(Tags.Auth), RateLimit("10/minute")]
[ErrorResponse(401, "The challenge is invalid, expired or used, or the code is wrong")]
public class VerifyTwoFactor : IReturn<LoginResponse>
{
    /// <summary>The <c>challenge_token</c> of the login response.</summary>
    public required string ChallengeToken { get; set; }

    /// <summary>Six digits from the authenticator app.</summary>
    [MinLength(TotpCodeRules.Length), MaxLength(TotpCodeRules.Length), RegularExpression(TotpCodeRules.Pattern), Example("123456")]
    public required string Code { get; set; }
}

/// <summary>
/// The second sign-in step with a recovery code instead (REFERENCE-UPSTREAM.md §B.5.5): each code works once, and
/// wrong ones count toward the same lock as wrong app codes.
/// </summary>
[Route("/api/auth/2fa/recovery", "POST"), Tag(Tags.Auth), RateLimit("5/minute")]
[ErrorResponse(401, "The challenge is invalid, expired or used, or the recovery code is wrong or none are left")]
public class RecoverTwoFactor : IReturn<LoginResponse>
{
    /// <summary>The <c>challenge_token</c> of the login response.</summary>
    public required string ChallengeToken { get; set; }

    /// <summary>One of the recovery codes, exactly as issued.</summary>
    public required string Code { get; set; }
}

/// <summary>
/// Turns two-factor authentication off: the password and a current code (REFERENCE-UPSTREAM.md §B.5.7). Limited to 5 a
/// minute (the upstream has no limit), so a stolen access token cannot be used to guess the password here.
/// </summary>
[Route("/api/auth/2fa/disable", "POST"), Tag(Tags.Auth), Authenticate, RateLimit("5/minute")]
[ErrorResponse(404, "The account no longer exists")]
[ErrorResponse(400, "2FA is not enabled, or a wrong code")]
public class DisableTwoFactor : IReturn<AccountMessageResponse>
{
    /// <summary>Six digits from the authenticator app.</summary>
    [MinLength(TotpCodeRules.Length), MaxLength(TotpCodeRules.Length), RegularExpression(TotpCodeRules.Pattern), Example("123456")]
    public required string Code { get; set; }

    /// <summary>The account's password.</summary>
    public required string Password { get; set; }
}
