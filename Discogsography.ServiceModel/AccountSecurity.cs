using System.ComponentModel.DataAnnotations;

namespace Discogsography.ServiceModel;

/// <summary>
/// Changes the caller's password (REFERENCE-UPSTREAM.md §B.2). Every session of the account ends, this one included,
/// and every outstanding token stops working: sign in again with the new password.
/// </summary>
[Route("/api/auth/change-password", "POST"), Tag(Tags.Auth), Authenticate, RateLimit("5/minute")]
[ErrorResponse(404, "The account no longer exists")]
public class ChangeAccountPassword : IReturn<AccountMessageResponse>
{
    /// <summary>The password in use now.</summary>
    public required string CurrentPassword { get; set; }

    /// <summary>At least 8 characters.</summary>
    [MinLength(AccountRules.MinimumPasswordLength)]
    public required string NewPassword { get; set; }
}

/// <summary>
/// Asks for a password-reset link by e-mail (REFERENCE-UPSTREAM.md §B.3). The answer is the same, in the same time,
/// whether or not an account has that address; the e-mail goes out after the answer.
/// </summary>
[Route("/api/auth/reset-request", "POST"), Tag(Tags.Auth), RateLimit("3/minute")]
public class RequestPasswordReset : IReturn<AccountMessageResponse>
{
    /// <summary>Stripped and lowercased; not otherwise checked.</summary>
    [Example("you@example.com")]
    public required string Email { get; set; }
}

/// <summary>
/// Sets a new password with the token of a reset link (REFERENCE-UPSTREAM.md §B.4): once, within 15 minutes. Every
/// session and token of the account stops working.
/// </summary>
[Route("/api/auth/reset-confirm", "POST"), Tag(Tags.Auth), RateLimit("5/minute")]
[ErrorResponse(400, "The token is unknown, used or expired")]
public class ConfirmPasswordReset : IReturn<AccountMessageResponse>
{
    /// <summary>The <c>reset_token</c> of the link.</summary>
    public required string Token { get; set; }

    /// <summary>At least 8 characters.</summary>
    [MinLength(AccountRules.MinimumPasswordLength)]
    public required string NewPassword { get; set; }
}

/// <summary><c>{"message": …}</c>.</summary>
public class AccountMessageResponse
{
    /// <summary>What happened, for people.</summary>
    public required string Message { get; set; }
}
