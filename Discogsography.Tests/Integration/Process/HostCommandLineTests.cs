using Dapper;
using Discogsography.ServiceInterface.Data;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Process;

/// <summary>The Host executable's verbs and startup checks, run as a separate process.</summary>
public sealed class HostCommandLineTests
{
    [Test]
    public async Task Serving_without_configuration_stops_with_one_line_naming_every_missing_variable()
    {
        var (exitCode, _, error) = await HostProcess.RunAsync(new Dictionary<string, string>());

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim(), Is.EqualTo(
            "Missing required environment variables: POSTGRES_HOST, POSTGRES_USERNAME, POSTGRES_PASSWORD, POSTGRES_DATABASE, JWT_SECRET_KEY"));
    }

    [Test]
    public async Task An_unsupported_JWT_algorithm_stops_startup_with_the_reference_message()
    {
        var environment = HostProcess.PostgresEnvironment(TestServers.PostgresServer);
        environment["JWT_SECRET_KEY"] = TestTokens.Secret;
        environment["JWT_ALGORITHM"] = "RS256";

        var (exitCode, _, error) = await HostProcess.RunAsync(environment, "serve");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim(), Is.EqualTo("Unsupported JWT algorithm: RS256. Only HS256 is supported."));
    }

    [Test]
    public async Task A_JWT_secret_shorter_than_32_bytes_stops_startup_with_one_line_saying_how_to_make_one()
    {
        var environment = HostProcess.PostgresEnvironment(TestServers.PostgresServer);
        environment["JWT_SECRET_KEY"] = "change-me";

        var (exitCode, _, error) = await HostProcess.RunAsync(environment, "serve");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim(), Is.EqualTo(
            "JWT_SECRET_KEY must be at least 32 bytes (it has 9): generate one with `openssl rand -base64 48`"));
    }

    [Test]
    public async Task In_production_secrets_at_rest_must_be_encrypted()
    {
        var environment = HostProcess.PostgresEnvironment(TestServers.PostgresServer);
        environment["JWT_SECRET_KEY"] = TestTokens.Secret;
        environment["ENVIRONMENT"] = "production";

        var (exitCode, _, error) = await HostProcess.RunAsync(environment, "serve");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim(), Does.StartWith("OAUTH_ENCRYPTION_KEY or ENCRYPTION_MASTER_KEY is required when ENVIRONMENT=production"));
    }

    [Test]
    public async Task The_migrate_verb_needs_only_the_database_and_brings_a_fresh_one_up_to_date()
    {
        await using var database = await TestDatabase.CreateAsync(TestServers.PostgresServer, "verb");
        var environment = HostProcess.PostgresEnvironment(database.Settings);

        var first = await HostProcess.RunAsync(environment, "migrate");
        var second = await HostProcess.RunAsync(environment, "migrate");

        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((0, 0)), first.Error + second.Error);
        Assert.That(first.Output, Does.Contain($"Applied {Migration.All.Count} migration(s)"));
        Assert.That(second.Output, Does.Contain("Database is up to date"));
        await using var dataSource = PostgresDataSource.Create(database.Settings);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_migrations"), Is.EqualTo(Migration.All.Count));
    }

    [Test]
    public async Task The_migrate_verb_builds_what_the_live_catalogue_predates_and_says_what()
    {
        await using var database = await MigratedDatabase.CreateAsync("verb_backfill");
        var folder = Directory.CreateTempSubdirectory("backfill").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "discogs_20200101_artists.xml"),
            "<artists><artist><id>1</id><name>The Persuader</name></artist></artists>");
        await TestImporter.ImportAsync(database.DataSource, ServiceInterface.Catalogue.Import.DumpFile.InDirectory(folder));
        Directory.Delete(folder, recursive: true);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("TRUNCATE graph.name_words");

        var result = await HostProcess.RunAsync(HostProcess.PostgresEnvironment(database.Settings), "migrate");

        Assert.That(result.ExitCode, Is.Zero, result.Error);
        Assert.That(result.Output, Does.Contain("Built the autocomplete words of the live catalogue."));
        await using (var connection = await database.DataSource.OpenConnectionAsync())
            Assert.That(await connection.QueryAsync<string>("SELECT word FROM graph.name_words"), Is.EqualTo(new[] { "persuader" }));
    }

    [Test]
    public async Task Secrets_can_come_from_FILE_variables()
    {
        await using var database = await TestDatabase.CreateAsync(TestServers.PostgresServer, "secretfile");
        var environment = HostProcess.PostgresEnvironment(database.Settings);
        var passwordFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(passwordFile, environment["POSTGRES_PASSWORD"] + "\n");
        environment.Remove("POSTGRES_PASSWORD");
        environment["POSTGRES_PASSWORD_FILE"] = passwordFile;

        var result = await HostProcess.RunAsync(environment, "migrate");

        File.Delete(passwordFile);
        Assert.That(result.ExitCode, Is.Zero, result.Error);
    }

    [Test]
    public async Task Serve_migrates_and_answers_health_on_both_ports()
    {
        await using var database = await TestDatabase.CreateAsync(TestServers.PostgresServer, "serve");
        var environment = HostProcess.PostgresEnvironment(database.Settings);
        var (apiPort, healthPort) = (Ports.Free(), Ports.Free());
        environment["JWT_SECRET_KEY"] = TestTokens.Secret;
        environment["API_PORT"] = apiPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["HEALTH_PORT"] = healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["ENVIRONMENT"] = "production";
        environment["OAUTH_ENCRYPTION_KEY"] = TestHost.EncryptionKey;

        using var process = HostProcess.Start(environment);
        try
        {
            using var http = new HttpClient();
            var api = await PollAsync(http, $"http://127.0.0.1:{apiPort}/health");
            var health = await PollAsync(http, $"http://127.0.0.1:{healthPort}/health");

            Assert.That(api, Does.StartWith("{\"status\":\"healthy\",\"service\":\"api\""));
            Assert.That(health, Does.StartWith("{\"status\":\"healthy\",\"service\":\"api\""), "the same compact JSON on both ports");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var logs = await process.StandardOutput.ReadToEndAsync();
        Assert.That(logs.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Some.StartWith("{\"").And.Contains("\"LogLevel\":"),
            "production logs are JSON lines");
    }

    private static async Task<string> PollAsync(HttpClient http, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await http.GetStringAsync(url);
            }
            catch (HttpRequestException) when (attempt < 150)
            {
                await Task.Delay(200);
            }
        }
    }
}
