namespace Discogsography.ServiceInterface.Configuration;

/// <summary>Everything the service is configured with, read once from the environment at startup.</summary>
public sealed record AppSettings
{
    /// <summary>The PostgreSQL server and credentials (required).</summary>
    public required PostgresSettings Postgres { get; init; }

    /// <summary>Access-token signing and lifetime.</summary>
    public required JwtSettings Jwt { get; init; }

    /// <summary>The Redis URL (<c>REDIS_HOST</c>); null selects the single-instance in-memory store.</summary>
    public string? RedisUrl { get; init; }

    /// <summary>The Fernet key for secrets at rest (<c>OAUTH_ENCRYPTION_KEY</c>); null stores them as plaintext, like
    /// the reference.</summary>
    public string? OAuthEncryptionKey { get; init; }

    /// <summary>
    /// The master key the TOTP and OAuth Fernet keys are derived from (<c>ENCRYPTION_MASTER_KEY</c>, REFERENCE-UPSTREAM.md
    /// §B.1); two-factor authentication needs it. When set it encrypts secrets at rest in place of <c>OAUTH_ENCRYPTION_KEY</c>.
    /// </summary>
    public string? EncryptionMasterKey { get; init; }

    /// <summary>How the service reaches Discogs.</summary>
    public required DiscogsSettings Discogs { get; init; }

    /// <summary>Snapshot lifetime and size.</summary>
    public required SnapshotSettings Snapshots { get; init; }

    /// <summary>Ports, bind address, CORS, logging and startup behaviour.</summary>
    public required HostingSettings Hosting { get; init; }

    /// <summary>Rate limiting and audit retention.</summary>
    public SecuritySettings Security { get; init; } = new();

    /// <summary>Where dump downloads go and where they may come from.</summary>
    public ImportSettings Imports { get; init; } = new();

    /// <summary>The SMTP server reset links are sent through, and the public address they point at.</summary>
    public MailSettings Mail { get; init; } = new();
}

/// <summary>Dump downloads and imports run as jobs (<c>IMPORT_*</c>).</summary>
public sealed record ImportSettings
{
    /// <summary>Hosts dumps are downloaded from by default: Discogs' download page and the bucket it redirects to.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowedHosts = ["data.discogs.com",
        "discogs-data-dumps.s3.us-west-2.amazonaws.com"];

    /// <summary>
    /// The folder downloads are written to and server-side imports are read from (<c>IMPORT_DIR</c>; default
    /// <c>imports</c> under the working directory). Paths given to an import must lie inside it.
    /// </summary>
    public string Directory { get; init; } = Path.GetFullPath("imports");

    /// <summary>Hosts a download (and every redirect it follows) may use (<c>IMPORT_ALLOWED_HOSTS</c>, comma-separated).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = DefaultAllowedHosts;

    /// <summary>The largest file a download may write (<c>IMPORT_MAX_BYTES</c>, default 64 GiB).</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024 * 1024;

    /// <summary>
    /// The memory the catalogue build's parallel steps may use for sorts, hashes and index builds together
    /// (<c>IMPORT_BUILD_MEMORY_MB</c>, default 1024): divided among the steps running at once.
    /// </summary>
    public int BuildMemoryMegabytes { get; init; } = 1024;

    /// <summary>
    /// How many catalogue build steps run at once (<c>IMPORT_BUILD_WORKERS</c>; unset: one per core, at least two):
    /// fewer leave cores to the API while an import builds.
    /// </summary>
    public int? BuildWorkers { get; init; }
}

/// <summary>Rate limits and the audit log.</summary>
public sealed record SecuritySettings
{
    /// <summary>Whether per-IP rate limits apply (<c>RATELIMIT_ENABLED</c>, slowapi's variable; default true).
    /// Benchmarks turn them off.</summary>
    public bool RateLimitsEnabled { get; init; } = true;

    /// <summary>Days audit entries are kept before the periodic purge removes them (<c>AUDIT_RETENTION_DAYS</c>, default 90).</summary>
    public int AuditRetentionDays { get; init; } = 90;
}

/// <summary>The PostgreSQL connection (<c>POSTGRES_*</c>).</summary>
public sealed record PostgresSettings
{
    /// <summary>Host name or address, from <c>POSTGRES_HOST</c> (<c>host:port</c>, split on the last colon).</summary>
    public required string Host { get; init; }

    /// <summary>Port, from <c>POSTGRES_HOST</c>; 5432 when the value has no port.</summary>
    public int Port { get; init; } = 5432;

    /// <summary>User name (<c>POSTGRES_USERNAME</c>, or <c>POSTGRES_USERNAME_FILE</c>).</summary>
    public required string Username { get; init; }

    /// <summary>Password (<c>POSTGRES_PASSWORD</c>, or <c>POSTGRES_PASSWORD_FILE</c>).</summary>
    public required string Password { get; init; }

    /// <summary>Database name (<c>POSTGRES_DATABASE</c>).</summary>
    public required string Database { get; init; }
}

/// <summary>Access tokens (<c>JWT_*</c>).</summary>
public sealed record JwtSettings
{
    /// <summary>The HMAC key, used as UTF-8 bytes (<c>JWT_SECRET_KEY</c>, or <c>JWT_SECRET_KEY_FILE</c>).</summary>
    public required string SecretKey { get; init; }

    /// <summary>Minutes an access token lives (<c>JWT_EXPIRE_MINUTES</c>, default 30; a non-integer becomes 30 as in
    /// the reference).</summary>
    public int ExpireMinutes { get; init; } = 30;

    /// <summary>Days a refresh token lives (<c>REFRESH_TOKEN_DAYS</c>, default 30).</summary>
    public int RefreshTokenDays { get; init; } = 30;

    /// <summary>
    /// Days a session may last in all, however often it is refreshed (<c>SESSION_MAX_DAYS</c>, default 90): after
    /// that the user signs in again.
    /// </summary>
    public int SessionMaxDays { get; init; } = 90;

    /// <summary>True when a signing key is configured (commands other than <c>serve</c> run without one).</summary>
    public bool IsConfigured => SecretKey.Length > 0;
}

/// <summary>Discogs endpoints and identity (<c>DISCOGS_*</c>).</summary>
public sealed record DiscogsSettings
{
    /// <summary>The reference's default User-Agent.</summary>
    public const string DefaultUserAgent = "discogsography/1.0 +https://github.com/SimplicityGuy/discogsography";

    /// <summary>The User-Agent sent to Discogs (<c>DISCOGS_USER_AGENT</c>).</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>The API base URL (<c>DISCOGS_API_URL</c>, default <c>https://api.discogs.com</c>); tests point it at a fake.</summary>
    public string ApiUrl { get; init; } = "https://api.discogs.com";

    /// <summary>The website base URL for the authorize page (<c>DISCOGS_WEB_URL</c>, default <c>https://www.discogs.com</c>).</summary>
    public string WebUrl { get; init; } = "https://www.discogs.com";
}

/// <summary>Snapshots (<c>SNAPSHOT_*</c>).</summary>
public sealed record SnapshotSettings
{
    /// <summary>Days a snapshot is kept (<c>SNAPSHOT_TTL_DAYS</c>, default 28).</summary>
    public int TtlDays { get; init; } = 28;

    /// <summary>Most nodes a snapshot may hold (<c>SNAPSHOT_MAX_NODES</c>, default 100).</summary>
    public int MaxNodes { get; init; } = 100;
}

/// <summary>Process-level settings of ours (ARCHITECTURE.md §7) plus the reference's logging and CORS variables.</summary>
public sealed record HostingSettings
{
    /// <summary>The origins CORS allows (<c>CORS_ORIGINS</c>, comma-separated; default localhost:3000 and localhost:8003).</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = ["http://localhost:3000", "http://localhost:8003"];

    /// <summary>The API port (<c>API_PORT</c>, default 8004).</summary>
    public int ApiPort { get; init; } = 8004;

    /// <summary>The stand-alone health port (<c>HEALTH_PORT</c>, default 8005).</summary>
    public int HealthPort { get; init; } = 8005;

    /// <summary>The address the ports bind to (<c>BIND_ADDRESS</c>, default 127.0.0.1; the Docker image sets 0.0.0.0).</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>Minimum log level (<c>LOG_LEVEL</c>: DEBUG, INFO, WARNING, ERROR, CRITICAL; default INFO).</summary>
    public string LogLevel { get; init; } = "INFO";

    /// <summary>The deployment environment (<c>ENVIRONMENT</c>, default development); logs are JSON unless it is development.</summary>
    public string Environment { get; init; } = "development";

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed (<c>TRUSTED_PROXIES</c>,
    /// comma-separated addresses or CIDR networks; default none). From anyone else those headers are ignored.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>Whether <c>serve</c> applies pending migrations before listening (<c>MIGRATE_ON_STARTUP</c>, default true).</summary>
    public bool MigrateOnStartup { get; init; } = true;

    /// <summary>True in the development environment.</summary>
    public bool IsDevelopment => string.Equals(Environment, "development", StringComparison.OrdinalIgnoreCase);

    /// <summary>True in the production environment, where secrets at rest must be encrypted.</summary>
    public bool IsProduction => string.Equals(Environment, "production", StringComparison.OrdinalIgnoreCase);
}
