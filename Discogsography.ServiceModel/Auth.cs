using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel;

/// <summary>Creates an account. Always answers 201 with the same body, whether or not the email was taken.</summary>
[Route("/api/auth/register", "POST"), Tag(Tags.Auth), RateLimit("3/minute"), SuccessStatus(201)]
public class Register : IReturn<RegisterResponse>
{
    /// <summary>Stripped and lowercased before it is checked and stored.</summary>
    public required string Email { get; set; }

    /// <summary>At least 8 characters.</summary>
    [MinLength(AccountRules.MinimumPasswordLength)]
    public required string Password { get; set; }
}

/// <summary><c>{"message": "Registration processed"}</c>.</summary>
public class RegisterResponse
{
    /// <summary>Always `Registration processed`.</summary>
    public required string Message { get; set; }
}

/// <summary>Exchanges email and password for an access token and a refresh token (a new session).</summary>
[Route("/api/auth/login", "POST"), Tag(Tags.Auth), RateLimit("5/minute")]
[ErrorResponse(401, "Incorrect email or password (the same for unknown and inactive accounts)")]
public class Login : IReturn<LoginResponse>
{
    /// <summary>Stripped and lowercased; not otherwise validated.</summary>
    public required string Email { get; set; }

    /// <summary>The account's password.</summary>
    public required string Password { get; set; }
}

/// <summary>
/// The reference's login response plus the session's refresh token. An account with two-factor authentication gets
/// instead <c>{"requires_2fa": true, "challenge_token": …, "message": …}</c> (REFERENCE-UPSTREAM.md §B.5.6): send the
/// challenge with a code to <c>/api/auth/2fa/verify</c> or <c>/api/auth/2fa/recovery</c> for the tokens.
/// </summary>
public class LoginResponse
{
    /// <summary>HS256 JWT for <c>Authorization: Bearer</c>; absent while a second factor is required.</summary>
    [WireOptional, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AccessToken { get; set; }

    /// <summary>Always <c>bearer</c> with the tokens.</summary>
    [AllowedValues("bearer"), WireOptional, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TokenType { get; set; }

    /// <summary>Seconds the access token is valid (<c>JWT_EXPIRE_MINUTES</c> × 60).</summary>
    [WireOptional, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ExpiresIn { get; set; }

    /// <summary>Exchange it at <c>POST /api/auth/refresh</c> for new tokens; each refresh token works once.</summary>
    [WireOptional, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RefreshToken { get; set; }

    /// <summary><c>true</c> when the password was right and a second factor is now required.</summary>
    [JsonPropertyName("requires_2fa"), WireOptional, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? RequiresTwoFactor { get; set; }

    /// <summary>The 5-minute, single-use challenge for the second step; it is not an access token.</summary>
    [WireOptional, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ChallengeToken { get; set; }

    /// <summary><c>TOTP verification required</c> with a challenge.</summary>
    [WireOptional, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; set; }

    /// <summary>Set by a recovery sign-in that used the last recovery code.</summary>
    [WireOptional, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Warning { get; set; }
}

/// <summary>Revokes the presented access token and ends its session.</summary>
[Route("/api/auth/logout", "POST"), Tag(Tags.Auth), Authenticate]
public class Logout : IReturn<LogoutResponse>;

/// <summary><c>{"logged_out": true}</c>.</summary>
public class LogoutResponse
{
    /// <summary>Always true.</summary>
    public bool LoggedOut { get; set; }
}

/// <summary>The caller's account.</summary>
[Route("/api/auth/me", "GET"), Tag(Tags.Auth), Authenticate]
[ErrorResponse(404, "The account no longer exists")]
public class GetMe : IReturn<MeResponse>;

/// <summary>The reference's <c>/me</c> fields, plus <c>is_admin</c>.</summary>
public class MeResponse
{
    /// <summary>The account's id (the token's `sub`).</summary>
    public Guid Id { get; set; }

    /// <summary>The sign-in email.</summary>
    public required string Email { get; set; }

    /// <summary>Whether the account may sign in.</summary>
    public bool IsActive { get; set; }

    /// <summary>When it registered.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether sign-in asks for a second factor (REFERENCE-UPSTREAM.md §B.5.8).</summary>
    public bool TotpEnabled { get; set; }

    /// <summary>Whether it holds admin rights.</summary>
    public bool IsAdmin { get; set; }
}

/// <summary>Rotates a refresh token: the old one stops working, new tokens come back. A reused one ends its session.</summary>
[Route("/api/auth/refresh", "POST"), Tag(Tags.Auth), RateLimit("30/minute")]
[ErrorResponse(401, "The refresh token is unknown or reused, or its session ended or expired")]
public class RefreshSession : IReturn<LoginResponse>
{
    /// <summary>The `refresh_token` of the last login or refresh.</summary>
    public required string RefreshToken { get; set; }
}

/// <summary>The caller's active sessions.</summary>
[Route("/api/auth/sessions", "GET"), Tag(Tags.Auth), Authenticate]
public class ListSessions : IReturn<ListSessionsResponse>;

/// <summary><c>{"sessions": [...]}</c>, most recently used first.</summary>
public class ListSessionsResponse
{
    /// <summary>The caller's active sessions, newest first.</summary>
    public required List<SessionInfo> Sessions { get; set; }
}

/// <summary>One login: when it started and was last used, and from where.</summary>
public class SessionSummary
{
    public Guid Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string? Ip { get; set; }

    public string? UserAgent { get; set; }
}

/// <summary>One login of the caller.</summary>
public class SessionInfo : SessionSummary
{
    /// <summary>True for the session of the token making this request.</summary>
    public bool Current { get; set; }
}

/// <summary>Ends one of the caller's sessions; its access tokens stop working at once.</summary>
[Route("/api/auth/sessions/{id}", "DELETE"), Tag(Tags.Auth), Authenticate]
[ErrorResponse(404, "No such session of yours")]
public class EndSession : IReturnVoid
{
    /// <summary>The session (its `id` in the list).</summary>
    public required Guid Id { get; set; }
}

/// <summary>Changes the caller's password and ends every other session.</summary>
[Route("/api/auth/password", "POST"), Tag(Tags.Auth), Authenticate, RateLimit("5/minute")]
[ErrorResponse(404, "The account no longer exists")]
[ErrorResponse(400, "The current password is incorrect")]
public class ChangePassword : IReturn<ChangePasswordResponse>
{
    /// <summary>The password in use now.</summary>
    public required string CurrentPassword { get; set; }

    /// <summary>At least 8 characters.</summary>
    [MinLength(AccountRules.MinimumPasswordLength)]
    public required string NewPassword { get; set; }
}

/// <summary><c>{"changed": true, "sessions_ended": n}</c>.</summary>
public class ChangePasswordResponse
{
    /// <summary>Always true.</summary>
    public bool Changed { get; set; }

    /// <summary>How many other sessions were ended.</summary>
    public int SessionsEnded { get; set; }
}
