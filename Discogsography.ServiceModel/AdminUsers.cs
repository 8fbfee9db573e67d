namespace Discogsography.ServiceModel;

/// <summary>The columns the user list sorts by.</summary>
public enum AdminUserOrder
{
    CreatedAt,
    Email,
    LastSeenAt,
}

/// <summary>Accounts, searched by email and sorted and paged on the server.</summary>
[Route("/api/admin/users", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class QueryAdminUsers() : SortedPagedQuery<AdminUserOrder>(AdminUserOrder.CreatedAt, 25), IReturn<QueryAdminUsersResponse>
{
    /// <summary>Part of an email (case-insensitive).</summary>
    public string? Search { get; set; }

    /// <summary>Only active (true) or deactivated (false) accounts.</summary>
    public bool? Active { get; set; }

    /// <summary>Only administrators (true) or ordinary users (false).</summary>
    public bool? Admin { get; set; }
}

public class QueryAdminUsersResponse : PagedResponse
{
    /// <summary>This page of accounts.</summary>
    public required List<AdminUserSummary> Users { get; set; }
}

/// <summary>An account as administrators see it.</summary>
public class AdminUserSummary
{
    /// <summary>The account's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The sign-in email.</summary>
    public required string Email { get; set; }

    /// <summary>Whether the account may sign in.</summary>
    public bool IsActive { get; set; }

    /// <summary>Whether it holds admin rights.</summary>
    public bool IsAdmin { get; set; }

    /// <summary>When it registered.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last use of any of the user's sessions.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>Sessions not ended or expired.</summary>
    public int ActiveSessions { get; set; }

    /// <summary>The connected Discogs account, if any.</summary>
    public string? DiscogsUsername { get; set; }

    /// <summary>The state of its newest sync job.</summary>
    public string? LastSyncStatus { get; set; }

    /// <summary>When its newest sync job started.</summary>
    public DateTimeOffset? LastSyncAt { get; set; }
}

/// <summary>One account in full: its sessions, Discogs connection, syncs and the services it stored keys for.</summary>
[Route("/api/admin/users/{id}", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
[ErrorResponse(404, "No such user")]
public class GetAdminUser : IReturn<AdminUserDetail>
{
    /// <summary>The account.</summary>
    public Guid Id { get; set; }
}

public class AdminUserDetail
{
    public required AdminUserSummary User { get; set; }

    /// <summary>Active sessions, most recently used first.</summary>
    public required List<SessionSummary> Sessions { get; set; }

    /// <summary>The Discogs OAuth connection, null when there is none.</summary>
    public AdminDiscogsConnection? Discogs { get; set; }

    /// <summary>The last 20 syncs, newest first.</summary>
    public required List<AdminSyncJob> Syncs { get; set; }

    /// <summary>Services the user stored API keys for (never the keys).</summary>
    public required List<string> ApiKeyServices { get; set; }

    /// <summary>Whether sign-in asks for a second factor, and whether wrong codes have locked it.</summary>
    public required AdminTwoFactorStatus TwoFactor { get; set; }

    /// <summary>The account's working app tokens (never their secrets).</summary>
    public required List<AppTokenSummary> AppTokens { get; set; }
}

/// <summary>An account's two-factor authentication, as an administrator sees it.</summary>
public class AdminTwoFactorStatus
{
    public bool Enabled { get; set; }

    /// <summary>Wrong codes since the last accepted one.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Second steps are refused until then.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public int RecoveryCodesLeft { get; set; }
}

/// <summary>
/// Turns two-factor authentication off for a user who lost their authenticator and recovery codes: they sign in with
/// the password alone and may set it up again. Audited.
/// </summary>
[Route("/api/admin/users/{id}/2fa", "DELETE"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
[ErrorResponse(404, "No such user")]
public class ResetAdminUserTwoFactor : IReturn<AccountMessageResponse>
{
    /// <summary>The account.</summary>
    public Guid Id { get; set; }
}

/// <summary>Revokes one of a user's app tokens. Audited.</summary>
[Route("/api/admin/users/{id}/app-tokens/{token_id}", "DELETE"), Tag(Tags.Admin), RequiredRole(Roles.Admin), SuccessStatus(204)]
[ErrorResponse(404, "No working app token with this id for this user")]
public class RevokeAdminUserAppToken : IReturnVoid
{
    /// <summary>The account.</summary>
    public Guid Id { get; set; }

    /// <summary>The app token.</summary>
    public Guid TokenId { get; set; }
}

/// <summary>A Discogs OAuth connection.</summary>
public class AdminDiscogsConnection
{
    public string? Username { get; set; }

    public string? UserId { get; set; }

    public DateTimeOffset ConnectedAt { get; set; }
}

/// <summary>Activates or deactivates an account, grants or revokes admin rights. Either change ends the user's sessions.</summary>
[Route("/api/admin/users/{id}", "PATCH"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
[ErrorResponse(404, "No such user")]
[ErrorResponse(409, "It would leave no active administrator")]
public class UpdateAdminUser : IReturn<AdminUserSummary>
{
    /// <summary>The account.</summary>
    public Guid Id { get; set; }

    /// <summary>Activate (true) or deactivate (false); omitted leaves it as it is.</summary>
    public bool? IsActive { get; set; }

    /// <summary>Grant (true) or revoke (false) admin rights; omitted leaves them as they are.</summary>
    public bool? IsAdmin { get; set; }
}

/// <summary>Ends every session of an account (its access tokens stop working at once).</summary>
[Route("/api/admin/users/{id}/sessions", "DELETE"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
[ErrorResponse(404, "No such user")]
public class EndAdminUserSessions : IReturn<EndAdminUserSessionsResponse>
{
    /// <summary>The account.</summary>
    public Guid Id { get; set; }
}

public class EndAdminUserSessionsResponse
{
    /// <summary>How many sessions ended.</summary>
    public int SessionsEnded { get; set; }
}

/// <summary>Queues a sync for an account (no cooldown for administrators).</summary>
[Route("/api/admin/users/{id}/sync", "POST"), Tag(Tags.Admin), RequiredRole(Roles.Admin), SuccessStatus(202)]
[ErrorResponse(404, "No such user")]
public class TriggerAdminUserSync : IReturn<TriggerSyncResponse>
{
    /// <summary>The account.</summary>
    public Guid Id { get; set; }
}
