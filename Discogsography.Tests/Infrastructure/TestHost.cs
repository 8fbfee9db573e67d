using System.Reflection;
using Discogsography.Host;
using Discogsography.ServiceInterface.Configuration;

namespace Discogsography.Tests.Infrastructure;

/// <summary>A running API host on free ports (the real Kestrel, both ports), stopped on dispose.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestHost(WebApplication app, AppSettings settings, LogCapture logs, TestClock clock)
    {
        this.app = app;
        Settings = settings;
        Logs = logs;
        Clock = clock;
    }

    public AppSettings Settings { get; }

    /// <summary>Everything the host logged.</summary>
    public LogCapture Logs { get; }

    /// <summary>The host's clock.</summary>
    public TestClock Clock { get; }

    public IServiceProvider Services => app.Services;

    /// <summary><c>http://127.0.0.1:&lt;API_PORT&gt;</c>.</summary>
    public Uri ApiUrl => new($"http://127.0.0.1:{Settings.Hosting.ApiPort}");

    /// <summary><c>http://127.0.0.1:&lt;HEALTH_PORT&gt;</c>.</summary>
    public Uri HealthUrl => new($"http://127.0.0.1:{Settings.Hosting.HealthPort}");

    /// <summary>This host's settings on ports of their own, for a second host beside it.</summary>
    public AppSettings SettingsOnFreshPorts() => Settings with
    {
        Hosting = Settings.Hosting with { ApiPort = Ports.Free(), HealthPort = Ports.Free() },
    };

    /// <summary>Where test frontends live: links in e-mails point here.</summary>
    public static readonly Uri PublicBaseUrl = new("https://explore.test/");

    /// <summary>Mail settings that send to <paramref name="inbox"/> (no TLS, no login).</summary>
    public static MailSettings MailTo(SmtpInbox inbox) => new()
    {
        Host = "127.0.0.1", Port = inbox.Port, Tls = MailKit.Security.SecureSocketOptions.None, PublicBaseUrl = PublicBaseUrl,
    };

    /// <summary>The Fernet key test hosts encrypt secrets at rest with.</summary>
    public static readonly string EncryptionKey = ServiceInterface.Security.Fernet.GenerateKey();

    /// <summary>Test settings over the given database, Redis URL and (fake) Discogs, on fresh ports.</summary>
    public static AppSettings SettingsFor(PostgresSettings postgres, string? redisUrl, Uri? discogs = null) => new()
    {
        Postgres = postgres,
        Jwt = new JwtSettings { SecretKey = TestTokens.Secret },
        RedisUrl = redisUrl,
        OAuthEncryptionKey = EncryptionKey,
        Discogs = discogs is null
            ? new DiscogsSettings()
                : new DiscogsSettings { ApiUrl = discogs.ToString().TrimEnd('/'), WebUrl = discogs.ToString().TrimEnd('/') },
        Snapshots = new SnapshotSettings(),
        // Downloads go to a folder of this host's; the local dump file server is the only allowed host.
        Imports = new ImportSettings { Directory = Directory.CreateTempSubdirectory("imports").FullName, AllowedHosts = ["127.0.0.1"] },
        Hosting = new HostingSettings
        {
            ApiPort = Ports.Free(),
            HealthPort = Ports.Free(),
            Environment = "test",
            LogLevel = "DEBUG",
            MigrateOnStartup = false,
        },
    };

    /// <summary>Builds and starts a host; the test assembly's services and DTOs are added to the real ones.</summary>
    public static async Task<TestHost> StartAsync(AppSettings settings, Action<IServiceCollection>? configure = null)
    {
        var logs = new LogCapture();
        var clock = new TestClock();
        var app = ApiHost.Build(settings, new ApiHostOptions
        {
            ServiceAssemblies = [ConfigureServicesAssembly, Assembly.GetExecutingAssembly()],
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                // Retries as in production, but with delays small enough for tests.
                services.AddSingleton(new ServiceInterface.Discogs.DiscogsRetryOptions
                {
                    BaseDelay = TimeSpan.FromMilliseconds(20), MaxRetryAfter = TimeSpan.FromSeconds(2),
                        AttemptTimeout = TimeSpan.FromSeconds(3),
                });
                services.AddSingleton(FastSyncOptions);
                services.AddSingleton(FastImportOptions);
                services.AddSingleton<ILoggerProvider>(logs);
                configure?.Invoke(services);
            },
        });
        await app.StartAsync();
        return new TestHost(app, settings, logs, clock);
    }

    /// <summary>Sync jobs as in production, but polled, paced and recovered in fractions of a second.</summary>
    public static readonly ServiceInterface.Sync.SyncOptions FastSyncOptions = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(200),
        HeartbeatInterval = TimeSpan.FromMilliseconds(300),
        StaleAfter = TimeSpan.FromSeconds(2),
        PageDelay = TimeSpan.Zero,
        RateLimitPause = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Import jobs as in production, but polled, resumed and reported in fractions of a second.</summary>
    public static readonly ServiceInterface.Imports.ImportOptions FastImportOptions = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(200),
        HeartbeatInterval = TimeSpan.FromMilliseconds(300),
        StaleAfter = TimeSpan.FromSeconds(2),
        ResumeDelay = TimeSpan.FromMilliseconds(50),
        IdleTimeout = TimeSpan.FromSeconds(2),
        HeaderTimeout = TimeSpan.FromSeconds(2),
        Cores = TestImporter.ManyCores,
        ProgressInterval = TimeSpan.FromMilliseconds(100),
    };

    private static Assembly ConfigureServicesAssembly => typeof(ServiceInterface.Infrastructure.Service).Assembly;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
