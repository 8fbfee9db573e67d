namespace Discogsography.ServiceInterface.Configuration;

/// <summary>
/// Builds <see cref="AppSettings"/> from the environment with the reference's names and defaults
/// (REFERENCE-API.md §1.3) plus ours (ARCHITECTURE.md §7). Every missing required variable is named in one line.
/// </summary>
public static class AppSettingsLoader
{
    private static readonly string[] PostgresVariables = ["POSTGRES_HOST", "POSTGRES_USERNAME", "POSTGRES_PASSWORD", "POSTGRES_DATABASE"];

    /// <summary>Everything the <c>serve</c> verb needs.</summary>
    public static AppSettings Load(EnvironmentReader env) => Load(env, signsTokens: true);

    /// <summary>
    /// The settings of the other verbs (<c>migrate</c>, <c>create-admin</c>, <c>discogs-setup</c>, <c>import</c>):
    /// the same variables, but <c>JWT_SECRET_KEY</c> is not required, since they issue no tokens.
    /// </summary>
    public static AppSettings LoadForCommands(EnvironmentReader env) => Load(env, signsTokens: false);

    private static AppSettings Load(EnvironmentReader env, bool signsTokens)
    {
        var missing = MissingOf(env, signsTokens ? [.. PostgresVariables, "JWT_SECRET_KEY"] : PostgresVariables);
        if (missing.Count > 0)
            throw new SettingsException($"Missing required environment variables: {string.Join(", ", missing)}");
        if (env.Plain("JWT_ALGORITHM") is { } algorithm && algorithm != "HS256")
            throw new SettingsException($"Unsupported JWT algorithm: {algorithm}. Only HS256 is supported.");
        var jwtSecret = env.Secret("JWT_SECRET_KEY") ?? "";
        if (signsTokens && System.Text.Encoding.UTF8.GetByteCount(jwtSecret) < Auth.JwtCodec.MinimumKeyBytes)
            throw new SettingsException(WeakJwtSecretMessage(jwtSecret));
        var hosting = ReadHosting(env);
        var (encryptionKey, masterKey) = ReadEncryptionKeys(env, hosting);
        return new AppSettings
        {
            Postgres = ReadPostgres(env),
            Jwt = new JwtSettings
            {
                SecretKey = jwtSecret,
                ExpireMinutes = Positive(env.LenientInt("JWT_EXPIRE_MINUTES", 30), 30),
                RefreshTokenDays = Positive(env.LenientInt("REFRESH_TOKEN_DAYS", 30), 30),
                SessionMaxDays = Positive(env.LenientInt("SESSION_MAX_DAYS", 90), 90),
            },
            RedisUrl = env.Plain("REDIS_HOST"),
            OAuthEncryptionKey = encryptionKey,
            EncryptionMasterKey = masterKey,
            Discogs = ReadDiscogs(env),
            Snapshots = new SnapshotSettings
            {
                TtlDays = Positive(env.LenientInt("SNAPSHOT_TTL_DAYS", 28), 28),
                MaxNodes = Positive(env.LenientInt("SNAPSHOT_MAX_NODES", 100), 100),
            },
            Hosting = hosting,
            Security = new SecuritySettings
            {
                RateLimitsEnabled = env.Flag("RATELIMIT_ENABLED", true),
                AuditRetentionDays = Positive(env.LenientInt("AUDIT_RETENTION_DAYS", 90), 90),
            },
            Imports = ReadImports(env),
            Mail = MailSettings.Read(env),
        };
    }

    /// <summary>
    /// <c>OAUTH_ENCRYPTION_KEY</c> and <c>ENCRYPTION_MASTER_KEY</c>: optional (secrets then stay plaintext, like the
    /// reference) except in production, where a deployment must not keep Discogs tokens and stored API keys readable by
    /// whoever reads the database: one of them is required.
    /// </summary>
    private static (string? OAuthKey, string? MasterKey) ReadEncryptionKeys(EnvironmentReader env, HostingSettings hosting)
    {
        var key = env.Secret("OAUTH_ENCRYPTION_KEY");
        if (key is not null && !Security.Fernet.IsValidKey(key))
            throw new SettingsException(Security.SecretProtector.InvalidKeyMessage);
        var master = env.Secret(Security.MasterKey.Setting);
        if (master is not null && !Security.MasterKey.IsValid(master))
            throw new SettingsException(Security.MasterKey.InvalidMessage);
        if (key is null && master is null && hosting.IsProduction)
            throw new SettingsException(
                "OAUTH_ENCRYPTION_KEY or ENCRYPTION_MASTER_KEY is required when ENVIRONMENT=production (generate one with: head -c 32 /dev/urandom | base64 | tr '+/' '-_')");
        return (key, master);
    }

    /// <summary>The one line startup prints for a short JWT secret (never the secret itself).</summary>
    public static string WeakJwtSecretMessage(string secret) =>
        $"JWT_SECRET_KEY must be at least {Auth.JwtCodec.MinimumKeyBytes} bytes (it has {System.Text.Encoding.UTF8.GetByteCount(secret)}): "
        + "generate one with `openssl rand -base64 48`";

    /// <summary>Only the database settings, for verbs such as <c>migrate</c> and <c>discogs-setup</c>; all four read as secrets.</summary>
    public static PostgresSettings LoadPostgres(EnvironmentReader env)
    {
        var missing = MissingOf(env, PostgresVariables);
        return missing.Count == 0
            ? ReadPostgres(env)
            : throw new SettingsException($"Missing required environment variables: {string.Join(", ", missing)}");
    }

    /// <summary>Splits <c>host:port</c> on the last colon (brackets allowed around IPv6); no port means 5432.</summary>
    public static (string Host, int Port) SplitHostPort(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon < 0 || value.EndsWith(']'))
            return (value.Trim('[', ']'), 5432);
        var portText = value[(colon + 1)..];
        return int.TryParse(portText, out var port) && port is > 0 and <= 65535
            ? (value[..colon].Trim('[', ']'), port)
            : throw new SettingsException($"POSTGRES_HOST must be host:port, got '{value}'");
    }

    private static List<string> MissingOf(EnvironmentReader env, IEnumerable<string> names) =>
        names.Where(name => env.Secret(name) is null).ToList();

    private static PostgresSettings ReadPostgres(EnvironmentReader env)
    {
        var (host, port) = SplitHostPort(env.Secret("POSTGRES_HOST")!);
        return new PostgresSettings
        {
            Host = host,
            Port = port,
            Username = env.Secret("POSTGRES_USERNAME")!,
            Password = env.Secret("POSTGRES_PASSWORD")!,
            Database = env.Secret("POSTGRES_DATABASE")!,
        };
    }

    private static DiscogsSettings ReadDiscogs(EnvironmentReader env) => new()
    {
        UserAgent = env.Plain("DISCOGS_USER_AGENT") ?? DiscogsSettings.DefaultUserAgent,
        ApiUrl = (env.Plain("DISCOGS_API_URL") ?? "https://api.discogs.com").TrimEnd('/'),
        WebUrl = (env.Plain("DISCOGS_WEB_URL") ?? "https://www.discogs.com").TrimEnd('/'),
    };

    private static HostingSettings ReadHosting(EnvironmentReader env)
    {
        var defaults = new HostingSettings();
        return new HostingSettings
        {
            CorsOrigins = ParseList(env.Plain("CORS_ORIGINS")) ?? defaults.CorsOrigins,
            ApiPort = env.Port("API_PORT", defaults.ApiPort),
            HealthPort = env.Port("HEALTH_PORT", defaults.HealthPort),
            BindAddress = env.Plain("BIND_ADDRESS") ?? defaults.BindAddress,
            LogLevel = env.Plain("LOG_LEVEL") ?? defaults.LogLevel,
            Environment = env.Plain("ENVIRONMENT") ?? defaults.Environment,
            MigrateOnStartup = env.Flag("MIGRATE_ON_STARTUP", defaults.MigrateOnStartup),
            TrustedProxies = ParseList(env.Plain("TRUSTED_PROXIES")) ?? defaults.TrustedProxies,
        };
    }

    private static ImportSettings ReadImports(EnvironmentReader env)
    {
        var defaults = new ImportSettings();
        var maxBytes = env.Plain("IMPORT_MAX_BYTES") is { } text
            ? long.TryParse(text, out var bytes)
                && bytes > 0 ? bytes : throw new SettingsException($"IMPORT_MAX_BYTES must be a positive number of bytes, got '{text}'")
            : defaults.MaxBytes;
        return new ImportSettings
        {
            Directory = env.Plain("IMPORT_DIR") is { } directory ? Path.GetFullPath(directory) : defaults.Directory,
            AllowedHosts = ParseList(env.Plain("IMPORT_ALLOWED_HOSTS")) ?? defaults.AllowedHosts,
            MaxBytes = maxBytes,
            BuildMemoryMegabytes = NumberAtLeast(env, "IMPORT_BUILD_MEMORY_MB", 64, "a number of megabytes")
                ?? defaults.BuildMemoryMegabytes,
            BuildWorkers = NumberAtLeast(env, "IMPORT_BUILD_WORKERS", 1, "a number") ?? defaults.BuildWorkers,
        };
    }

    /// <summary>Comma-separated, items trimmed, empty items dropped; an empty result means "use the defaults".</summary>
    private static string[]? ParseList(string? value)
    {
        var origins = value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        return origins.Length > 0 ? origins : null;
    }

    /// <summary>The whole number <paramref name="name"/> holds, null when unset; below <paramref name="minimum"/> or not a
    /// number stops start-up.</summary>
    private static int? NumberAtLeast(EnvironmentReader env, string name, int minimum, string what) =>
        env.Plain(name) is { } text
            ? int.TryParse(text, out var value) && value >= minimum
                ? value
                : throw new SettingsException($"{name} must be {what} of at least {minimum}, got '{text}'")
            : null;

    private static int Positive(int value, int fallback) => value > 0 ? value : fallback;
}
