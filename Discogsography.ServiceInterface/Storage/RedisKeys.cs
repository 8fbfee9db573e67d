namespace Discogsography.ServiceInterface.Storage;

/// <summary>Every key name, in one place, exactly as the reference writes them (REFERENCE-API.md §11).</summary>
public static class RedisKeys
{
    /// <summary>A logged-out access token: <c>revoked:jti:&lt;jti&gt;</c>.</summary>
    public static string RevokedToken(string jti) => $"revoked:jti:{jti}";

    /// <summary>An ended session: its access tokens are refused until they would have expired anyway (ours).</summary>
    public static string RevokedSession(Guid sessionId) => $"revoked:sid:{sessionId}";

    /// <summary>
    /// Present while the store holds every revocation PostgreSQL knows of (ours): written after they were all written
    /// again; its absence means the store lost its data and they must be.
    /// </summary>
    public const string RevocationsComplete = "revoked:complete";

    /// <summary>Throttles session activity writes to one a minute per session (ours).</summary>
    public static string SessionTouched(Guid sessionId) => $"session:touched:{sessionId}";

    /// <summary>The pair a refresh produced, for a second presentation of the same token within seconds (ours).</summary>
    public static string RefreshGrace(string presentedTokenHash) => $"refresh:grace:{presentedTokenHash}";

    /// <summary>A pending Discogs OAuth flow: <c>discogs:oauth:state:&lt;request token&gt;</c>.</summary>
    public static string OAuthState(string requestToken) => $"discogs:oauth:state:{requestToken}";

    /// <summary>A user's sync cooldown: <c>sync:cooldown:&lt;user id&gt;</c>.</summary>
    public static string SyncCooldown(string userId) => $"sync:cooldown:{userId}";

    /// <summary>A saved graph snapshot: <c>snapshot:&lt;token&gt;</c>.</summary>
    public static string Snapshot(string token) => $"snapshot:{token}";

    /// <summary>Failed sign-ins of one account, by the SHA-256 of its normalized email (ours).</summary>
    public static string FailedLogins(string normalizedEmail) =>
        $"ratelimit:login-account:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(normalizedEmail)))}";

    /// <summary>A password-reset link's token: <c>reset:&lt;token&gt;</c> → <c>{"user_id", "email"}</c>, 15 minutes
    /// (REFERENCE-UPSTREAM.md §D.3).</summary>
    public static string PasswordReset(string token) => $"reset:{token}";

    /// <summary>
    /// When the account's password last changed, in Unix seconds: <c>password_changed:&lt;user id&gt;</c> (REFERENCE-UPSTREAM.md
    /// §D.3). Tokens without a session (the Python service's) issued up to then are refused.
    /// </summary>
    public static string PasswordChanged(Guid userId) => $"password_changed:{userId}";

    /// <summary>An outstanding sign-in challenge: <c>2fa_challenge:&lt;jti&gt;</c> → the user's id, 300 s
    /// (REFERENCE-UPSTREAM.md §D.3).</summary>
    public static string TwoFactorChallenge(string jti) => $"2fa_challenge:{jti}";

    /// <summary>What every cached search answer starts with: <c>search:&lt;md5 hex&gt;</c> (REFERENCE-UPSTREAM.md §D.3).</summary>
    public const string SearchPrefix = "search:";

    /// <summary>The catalogue the cached search answers were computed from (ours; cleared with them).</summary>
    public const string SearchCatalogue = "search:catalogue";

    /// <summary>
    /// A rate-limit window of one route, window length and subject — a client IP, user or app token (ours: the reference
    /// keeps these in memory). The length is part of the key, so a route's per-minute and per-hour limits count apart.
    /// </summary>
    public static string RateLimit(string route, TimeSpan window, string subject) =>
        $"ratelimit:{route}:{(long)window.TotalSeconds}s:{subject}";
}
