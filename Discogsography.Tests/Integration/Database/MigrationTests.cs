using Dapper;
using Discogsography.ServiceInterface.Data;
using Discogsography.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Discogsography.Tests.Integration.Database;

/// <summary>Numbered migrations: recorded, idempotent, serialized across instances, and tamper-evident.</summary>
public sealed class MigrationTests
{
    private TestDatabase database = null!;
    private NpgsqlDataSource dataSource = null!;

    [SetUp]
    public async Task CreateDatabaseAsync()
    {
        database = await TestDatabase.CreateAsync(TestServers.PostgresServer, "migrations");
        dataSource = PostgresDataSource.Create(database.Settings);
    }

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }

    [Test]
    public async Task Migrating_twice_applies_everything_once_and_then_nothing()
    {
        var first = await Runner().MigrateAsync(CancellationToken.None);
        var second = await Runner().MigrateAsync(CancellationToken.None);

        Assert.That(first.Applied, Is.EqualTo(Migration.All.Select(m => m.Version)));
        Assert.That(second.Applied, Is.Empty);
        Assert.That(second.AlreadyApplied, Is.EqualTo(Migration.All.Select(m => m.Version)));
    }

    [Test]
    public async Task Two_instances_migrating_at_once_are_serialized_by_the_advisory_lock()
    {
        // A slow migration that fails if it runs twice: without the lock both runners would execute it.
        Migration[] migrations = [new(9001, "slow", "SELECT pg_sleep(0.5); CREATE TABLE slow_probe (id INT)")];
        using var second = new NpgsqlDataSourceBuilder(PostgresDataSource.ConnectionString(database.Settings)).Build();

        var outcomes = await Task.WhenAll(
            Runner().MigrateAsync(migrations, CancellationToken.None),
            new MigrationRunner(second, NullLogger<MigrationRunner>.Instance).MigrateAsync(migrations, CancellationToken.None));

        Assert.That(outcomes.Select(o => o.Applied.Count).Order(), Is.EqualTo(new[] { 0, 1 }));
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_applied_migration_that_was_edited_stops_the_run()
    {
        await Runner().MigrateAsync([new(9001, "probe", "CREATE TABLE probe (id INT)")], CancellationToken.None);

        var error = Assert.ThrowsAsync<MigrationException>(() =>
            Runner().MigrateAsync([new(9001, "probe", "CREATE TABLE probe (id BIGINT)")], CancellationToken.None))!;

        Assert.That(error.Message, Does.Contain("9001_probe was changed after it was applied"));
    }

    [Test]
    public async Task A_failing_migration_is_rolled_back_and_not_recorded()
    {
        Migration[] migrations = [new(9001, "broken", "CREATE TABLE half (id INT); SELECT * FROM no_such_table")];

        var error = Assert.ThrowsAsync<MigrationException>(() => Runner().MigrateAsync(migrations, CancellationToken.None))!;

        Assert.That(error.Message, Does.Contain("9001_broken failed").And.Contain("no_such_table"));
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('half') IS NOT NULL"), Is.False);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations"), Is.Zero);
    }

    [Test]
    public async Task The_account_tables_are_column_compatible_with_the_reference_schema()
    {
        await Runner().MigrateAsync(CancellationToken.None);
        await using var connection = await dataSource.OpenConnectionAsync();

        var columns = (await connection.QueryAsync<(string Table, string Column, string Type, string Nullable)>("""
            SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = ANY(@tables) ORDER BY table_name, ordinal_position
            """, new { tables = ReferenceSchema.Tables.Keys.ToArray() }))
            .GroupBy(c => c.Table).ToDictionary(g => g.Key, g => g.Select(c => $"{c.Column} {c.Type} {c.Nullable}").ToArray());

        foreach (var (table, expected) in ReferenceSchema.Tables)
            Assert.That(columns[table], Is.SupersetOf(expected), table);
    }

    [Test]
    public async Task A_database_created_by_the_reference_schema_init_is_adopted()
    {
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                CREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), email VARCHAR(255) UNIQUE NOT NULL,
                    hashed_password VARCHAR(255) NOT NULL, is_active BOOLEAN NOT NULL DEFAULT TRUE,
                    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(), updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW());
                INSERT INTO users (email, hashed_password) VALUES ('kept@example.com', 'x:y');
                """);
        }

        await Runner().MigrateAsync(CancellationToken.None);

        await using var check = await dataSource.OpenConnectionAsync();
        Assert.That(await check.ExecuteScalarAsync<string>("SELECT email FROM users"), Is.EqualTo("kept@example.com"));
    }

    private MigrationRunner Runner() => new(dataSource, NullLogger<MigrationRunner>.Instance);
}

/// <summary>The public tables of REFERENCE-API.md §12 as information_schema describes them.</summary>
internal static class ReferenceSchema
{
    public static readonly Dictionary<string, string[]> Tables = new()
    {
        ["users"] =
        [
            "id uuid NO", "email character varying NO", "hashed_password character varying NO", "is_active boolean NO",
            "created_at timestamp with time zone NO", "updated_at timestamp with time zone NO",
        ],
        ["oauth_tokens"] =
        [
            "id uuid NO", "user_id uuid NO", "provider character varying NO", "access_token text NO", "access_secret text NO",
            "provider_username character varying YES", "provider_user_id character varying YES",
            "created_at timestamp with time zone NO", "updated_at timestamp with time zone NO",
        ],
        ["app_config"] = ["key character varying NO", "value text NO", "updated_at timestamp with time zone NO"],
        ["user_collections"] =
        [
            "id uuid NO", "user_id uuid NO", "release_id bigint NO", "instance_id bigint YES", "folder_id integer YES",
            "title character varying YES", "artist character varying YES", "year integer YES", "format character varying YES",
            "label character varying YES", "condition character varying YES", "rating smallint YES", "notes text YES",
            "date_added timestamp with time zone YES", "metadata jsonb YES",
            "created_at timestamp with time zone NO", "updated_at timestamp with time zone NO",
        ],
        ["user_wantlists"] =
        [
            "id uuid NO", "user_id uuid NO", "release_id bigint NO", "title character varying YES", "artist character varying YES",
            "year integer YES", "format character varying YES", "rating smallint YES", "notes text YES",
            "date_added timestamp with time zone YES", "metadata jsonb YES",
            "created_at timestamp with time zone NO", "updated_at timestamp with time zone NO",
        ],
        ["sync_history"] =
        [
            "id uuid NO", "user_id uuid NO", "sync_type character varying NO", "status character varying NO",
            "items_synced integer YES", "pages_fetched integer YES", "error_message text YES",
            "started_at timestamp with time zone NO", "completed_at timestamp with time zone YES",
        ],
    };
}
