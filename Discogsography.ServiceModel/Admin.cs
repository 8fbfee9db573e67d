using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Discogsography.ServiceModel;

/// <summary>The dashboard's figures: accounts, Discogs connections, the last day's syncs, the catalogue, the dependencies.</summary>
[Route("/api/admin/dashboard", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class GetAdminDashboard : IReturn<AdminDashboardResponse>;

public class AdminDashboardResponse
{
    /// <summary>Accounts in all, active, and administrators.</summary>
    public required UserCounts Users { get; set; }

    /// <summary>Accounts with a Discogs OAuth connection.</summary>
    public int DiscogsConnections { get; set; }

    /// <summary>Syncs started in the last 24 hours, per status.</summary>
    public required List<StatusCount> SyncsLast24Hours { get; set; }

    public required CatalogueFigures Catalogue { get; set; }

    /// <summary>PostgreSQL and Redis, as the readiness probe sees them.</summary>
    public required List<DependencyStatus> Dependencies { get; set; }

    /// <summary>When these figures were read.</summary>
    public DateTimeOffset GeneratedAt { get; set; }
}

/// <summary>Accounts: all, active, administrators.</summary>
public class UserCounts
{
    public int Total { get; set; }

    public int Active { get; set; }

    public int Admins { get; set; }
}

public class StatusCount
{
    [AllowedValues(SyncStatuses.Pending, SyncStatuses.Running, SyncStatuses.Completed, SyncStatuses.Failed, SyncStatuses.Cancelled)]
    public required string Status { get; set; }

    public int Count { get; set; }
}

/// <summary>What the live catalogue holds and when it was imported (nothing before the first import).</summary>
public class CatalogueFigures
{
    public DateTimeOffset? ImportedAt { get; set; }

    public long Artists { get; set; }

    public long Labels { get; set; }

    public long Masters { get; set; }

    public long Releases { get; set; }

    public long Genres { get; set; }

    public long Styles { get; set; }
}

/// <summary>The columns the user list sorts by.</summary>
public enum AdminUserOrder
{
    CreatedAt,
    Email,
    LastSeenAt,
}

/// <summary>Accounts, searched by email and sorted and paged on the server.</summary>
[Route("/api/admin/users", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class QueryAdminUsers : IReturn<QueryAdminUsersResponse>
{
    /// <summary>Part of an email (case-insensitive).</summary>
    public string? Search { get; set; }

    /// <summary>Only active (true) or deactivated (false) accounts.</summary>
    public bool? Active { get; set; }

    /// <summary>Only administrators (true) or ordinary users (false).</summary>
    public bool? Admin { get; set; }

    /// <summary>The column to sort by.</summary>
    public AdminUserOrder OrderBy { get; set; } = AdminUserOrder.CreatedAt;

    /// <summary>Newest (or largest) first when true.</summary>
    public bool Descending { get; set; } = true;

    /// <summary>Items to skip: where the page starts.</summary>
    [Range(0, int.MaxValue)]
    public int Offset { get; set; }

    /// <summary>Items per page.</summary>
    [Range(1, 200)]
    public int Limit { get; set; } = 25;
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

/// <summary>The Discogs app credentials, masked exactly as <c>discogs-setup --show</c> masks them.</summary>
[Route("/api/admin/app-credentials", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class GetAppCredentials : IReturn<AppCredentialsResponse>;

/// <summary>Stores the Discogs app credentials (encrypted when <c>OAUTH_ENCRYPTION_KEY</c> is set), as <c>discogs-setup</c> does.</summary>
[Route("/api/admin/app-credentials", "PUT"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
[ErrorResponse(400, "The key or the secret is blank")]
public class SetAppCredentials : IReturn<AppCredentialsResponse>
{
    /// <summary>The Discogs application's consumer key (https://www.discogs.com/settings/developers).</summary>
    [MinLength(1), MaxLength(MaxCredentialLength)]
    public required string ConsumerKey { get; set; }

    /// <summary>The Discogs application's consumer secret; stored encrypted when a key is configured.</summary>
    [MinLength(1), MaxLength(MaxCredentialLength)]
    public required string ConsumerSecret { get; set; }

    /// <summary>Discogs consumer keys and secrets are a few dozen characters; anything longer is a mistake.</summary>
    public const int MaxCredentialLength = 1024;
}

public class AppCredentialsResponse
{
    /// <summary>Masked: <c>(not set)</c>, <c>****</c>, or <c>ab****yz</c>.</summary>
    public required string ConsumerKey { get; set; }

    /// <summary>The consumer secret, masked as `discogs-setup --show` masks it.</summary>
    public required string ConsumerSecret { get; set; }

    /// <summary>Both are set.</summary>
    public bool Configured { get; set; }

    /// <summary>Whether values are stored Fernet-encrypted (<c>OAUTH_ENCRYPTION_KEY</c> is set).</summary>
    public bool EncryptedAtRest { get; set; }
}

/// <summary>The columns the sync job list sorts by.</summary>
public enum AdminSyncOrder
{
    StartedAt,
    CompletedAt,
    Status,
    Email,
}

/// <summary>Sync jobs of every account, filtered by status and user, sorted (newest first by default) and paged on the server.</summary>
[Route("/api/admin/syncs", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class QueryAdminSyncs : IReturn<QueryAdminSyncsResponse>
{
    /// <summary>Only jobs in this state.</summary>
    [AllowedValues(SyncStatuses.Pending, SyncStatuses.Running, SyncStatuses.Completed, SyncStatuses.Failed, SyncStatuses.Cancelled)]
    public string? Status { get; set; }

    /// <summary>Only jobs of this account.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Part of the user's email.</summary>
    public string? Search { get; set; }

    /// <summary>The column to sort by.</summary>
    public AdminSyncOrder OrderBy { get; set; } = AdminSyncOrder.StartedAt;

    /// <summary>Newest (or largest) first when true.</summary>
    public bool Descending { get; set; } = true;

    /// <summary>Items to skip: where the page starts.</summary>
    [Range(0, int.MaxValue)]
    public int Offset { get; set; }

    /// <summary>Items per page.</summary>
    [Range(1, 200)]
    public int Limit { get; set; } = 25;
}

public class QueryAdminSyncsResponse : PagedResponse
{
    /// <summary>This page of jobs.</summary>
    public required List<AdminSyncJob> Syncs { get; set; }
}

/// <summary>A sync job with everything the job queue knows about it.</summary>
public class AdminSyncJob
{
    /// <summary>The job's id.</summary>
    public required string SyncId { get; set; }

    /// <summary>The account synced.</summary>
    public Guid UserId { get; set; }

    /// <summary>The account's email.</summary>
    public required string Email { get; set; }

    /// <summary>Where the job is.</summary>
    [AllowedValues(SyncStatuses.Pending, SyncStatuses.Running, SyncStatuses.Completed, SyncStatuses.Failed, SyncStatuses.Cancelled)]
    public required string Status { get; set; }

    /// <summary><c>collection</c>, <c>wantlist</c> or <c>done</c> once started.</summary>
    public string? Phase { get; set; }

    /// <summary>Collection and wantlist items written so far.</summary>
    public int? ItemsSynced { get; set; }

    /// <summary>Discogs pages read so far.</summary>
    public int? PagesFetched { get; set; }

    /// <summary>Items gone from Discogs, removed here.</summary>
    public int ItemsRemoved { get; set; }

    /// <summary>
    /// The lists (<c>collection</c>, <c>wantlist</c>) this job read but did not prune: Discogs' total differed from
    /// what its pages held, so nothing was removed from them; the next sync reconciles.
    /// </summary>
    public string[] ReconcileSkipped { get; set; } = [];

    /// <summary>How many times a worker claimed it.</summary>
    public int Attempts { get; set; }

    /// <summary>Why a failed job failed.</summary>
    public string? Error { get; set; }

    /// <summary>When the job was queued.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it ended, null while it runs.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The running worker's last sign of life.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>The instance running it.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>An administrator asked it to stop.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The administrator who queued it; null when the user did.</summary>
    public string? RequestedBy { get; set; }
}

/// <summary>Cancels a queued job at once, or a running one at its next page.</summary>
[Route("/api/admin/syncs/{id}/cancel", "POST"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
[ErrorResponse(404, "No such sync job")]
[ErrorResponse(409, "The job already ended")]
public class CancelAdminSync : IReturn<AdminSyncJob>
{
    /// <summary>The sync job.</summary>
    public Guid Id { get; set; }
}

/// <summary>The columns the audit log sorts by.</summary>
public enum AuditOrder
{
    CreatedAt,
    Action,
    Email,
}

/// <summary>The audit log, filtered by user, action and time, sorted (newest first by default) and paged on the server.</summary>
[Route("/api/admin/audit", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class QueryAuditLog : IReturn<QueryAuditLogResponse>
{
    /// <summary>Only entries of this acting user.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Part of the acting user's email.</summary>
    public string? Search { get; set; }

    /// <summary>An exact action, e.g. <c>login</c> or <c>admin_user_deactivated</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Entries at or after this time.</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Entries before this time.</summary>
    public DateTimeOffset? To { get; set; }

    /// <summary>The column to sort by.</summary>
    public AuditOrder OrderBy { get; set; } = AuditOrder.CreatedAt;

    /// <summary>Newest (or largest) first when true.</summary>
    public bool Descending { get; set; } = true;

    /// <summary>Items to skip: where the page starts.</summary>
    [Range(0, int.MaxValue)]
    public int Offset { get; set; }

    /// <summary>Items per page.</summary>
    [Range(1, 200)]
    public int Limit { get; set; } = 50;
}

public class QueryAuditLogResponse : PagedResponse
{
    /// <summary>This page of entries.</summary>
    public required List<AuditEntryInfo> Entries { get; set; }
}

public class AuditEntryInfo
{
    public long Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The acting user's email (null once the account is deleted).</summary>
    public string? Email { get; set; }

    public required string Action { get; set; }

    public string? ResourceType { get; set; }

    public string? ResourceId { get; set; }

    /// <summary>What happened, never with a password, token or key.</summary>
    public required JsonObject Details { get; set; }

    public string? Ip { get; set; }

    public string? UserAgent { get; set; }
}

/// <summary>The actions the audit log holds, for the filter list.</summary>
[Route("/api/admin/audit/actions", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class ListAuditActions : IReturn<List<string>>;
