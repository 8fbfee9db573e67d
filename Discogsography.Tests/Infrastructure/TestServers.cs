using Discogsography.ServiceInterface.Configuration;
using Discogsography.Tests.Infrastructure;
using Npgsql;

namespace Discogsography.Tests;

/// <summary>
/// The servers the whole test run shares, started once: a fresh, migrated database on the PostgreSQL that
/// ./test.sh started, its Redis, and one API host over both. Tests reset state in <see cref="ApiTest"/>.
/// </summary>
[SetUpFixture]
public sealed class TestServers
{
    private static MigratedDatabase? database;
    private static TestHost? host;
    private static TestRedis? redis;
    private static FakeDiscogs? discogs;
    private static SmtpInbox? mail;

    /// <summary>The PostgreSQL server (connected to its default test database).</summary>
    public static PostgresSettings PostgresServer { get; private set; } = null!;

    /// <summary>The Redis URL from the environment.</summary>
    public static string RedisUrl { get; private set; } = null!;

    /// <summary>The shared API host.</summary>
    public static TestHost Host => host ?? throw new InvalidOperationException("The test servers did not start.");

    /// <summary>A data source on the shared host's database, for assertions.</summary>
    public static NpgsqlDataSource Database => database!.DataSource;

    /// <summary>An admin connection to the shared Redis, for assertions and resets.</summary>
    public static TestRedis Redis => redis!;

    /// <summary>The fake Discogs the shared host talks to.</summary>
    public static FakeDiscogs Discogs => discogs!;

    /// <summary>The SMTP server the shared host sends its e-mail to.</summary>
    public static SmtpInbox Mail => mail!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var env = EnvironmentReader.FromProcess();
        PostgresServer = TryLoadPostgres(env);
        RedisUrl = env.Plain("REDIS_HOST")
                   ?? throw new InvalidOperationException("REDIS_HOST is not set: run ./test.sh, or `source .services/test/env` after scripts/services.sh start --dir .services/test.");
        database = await MigratedDatabase.CreateAsync("shared", PostgresServer);
        redis = await TestRedis.ConnectAsync(RedisUrl);
        discogs = await FakeDiscogs.StartAsync();
        mail = SmtpInbox.Start();
        host = await TestHost.StartAsync(TestHost.SettingsFor(database.Settings, RedisUrl,
            discogs.Url) with { Mail = TestHost.MailTo(mail) });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        // Every error status any test provoked must be in the OpenAPI document (see UndocumentedStatusMonitor).
        Assert.That(Discogsography.Host.Middleware.UndocumentedStatusMonitor.Seen.Keys.Order(), Is.Empty,
            "Routes answered statuses their OpenAPI description does not list: declare them with [ErrorResponse]");
        if (host is not null)
            await host.DisposeAsync();
        if (redis is not null)
            await redis.DisposeAsync();
        if (discogs is not null)
            await discogs.DisposeAsync();
        if (mail is not null)
            await mail.DisposeAsync();
        if (database is not null)
            await database.DisposeAsync();
    }

    private static PostgresSettings TryLoadPostgres(EnvironmentReader env)
    {
        try
        {
            return AppSettingsLoader.LoadPostgres(env);
        }
        catch (SettingsException e)
        {
            throw new InvalidOperationException($"{e.Message}: run ./test.sh, or `source .services/test/env` after scripts/services.sh start --dir .services/test.");
        }
    }
}
