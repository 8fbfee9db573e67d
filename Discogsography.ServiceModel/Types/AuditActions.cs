namespace Discogsography.ServiceModel;

/// <summary>
/// The <c>action</c> of every audit entry the service writes: what the Admin's audit log filters by and tests look
/// for. A sync or import job's outcome is written as <c>sync_&lt;status&gt;</c> / <c>import_&lt;status&gt;</c>.
/// </summary>
public static class AuditActions
{
    public const string TwoFactorDisableFailure = "2fa_disable_failure";

    public const string TwoFactorDisabled = "2fa_disabled";

    public const string TwoFactorEnabled = "2fa_enabled";

    public const string TwoFactorFailure = "2fa_failure";

    public const string TwoFactorLocked = "2fa_locked";

    public const string TwoFactorRecoveryCodeUsed = "2fa_recovery_code_used";

    public const string TwoFactorReset = "2fa_reset";

    public const string TwoFactorSetup = "2fa_setup";

    public const string AdminAppCredentialsSet = "admin_app_credentials_set";

    public const string AdminAppCredentialsViewed = "admin_app_credentials_viewed";

    public const string AdminCreate = "admin_create";

    public const string AdminImportCancelled = "admin_import_cancelled";

    public const string AdminImportStarted = "admin_import_started";

    public const string AdminPromote = "admin_promote";

    public const string AdminRoleGranted = "admin_role_granted";

    public const string AdminRoleRevoked = "admin_role_revoked";

    public const string AdminSessionsEnded = "admin_sessions_ended";

    public const string AdminStatsViewed = "admin_stats_viewed";

    public const string AdminSyncCancelled = "admin_sync_cancelled";

    public const string AdminSyncTriggered = "admin_sync_triggered";

    public const string AdminUserActivated = "admin_user_activated";

    public const string AdminUserDeactivated = "admin_user_deactivated";

    public const string AdminUserViewed = "admin_user_viewed";

    public const string ApiKeyCreated = "api_key_created";

    public const string ApiKeyDeleted = "api_key_deleted";

    public const string ApiKeyUpdated = "api_key_updated";

    public const string AppCredentialsSet = "app_credentials_set";

    public const string AppTokenMinted = "app_token_minted";

    public const string AppTokenRevoked = "app_token_revoked";

    public const string Login2faRequired = "login_2fa_required";

    public const string LoginFailure = "login_failure";

    public const string LoginSuccess = "login_success";

    public const string Logout = "logout";

    public const string OauthConnect = "oauth_connect";

    public const string OauthDisconnect = "oauth_disconnect";

    public const string PasswordChange = "password_change";

    public const string PasswordChangeFailure = "password_change_failure";

    public const string PasswordResetCompleted = "password_reset_completed";

    public const string PasswordResetRequested = "password_reset_requested";

    public const string RefreshTokenReuse = "refresh_token_reuse";

    public const string Register = "register";

    public const string SessionEnd = "session_end";

    public const string SyncTrigger = "sync_trigger";

    public const string TokenRefresh = "token_refresh";
    /// <summary>A sync job ended: <c>sync_completed</c>, <c>sync_failed</c>, <c>sync_cancelled</c>.</summary>
    public static string SyncEnded(string status) => "sync_" + status;

    /// <summary>An import job ended: <c>import_completed</c>, <c>import_failed</c>, <c>import_cancelled</c>.</summary>
    public static string ImportEnded(string status) => "import_" + status;
}
