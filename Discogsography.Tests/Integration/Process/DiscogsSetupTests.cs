using Dapper;
using Discogsography.Host.Commands;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Security;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Process;

/// <summary>REFERENCE-API.md §6.3 and §15.21: the discogs-setup tool's flags, checks, messages, exit codes and masking.</summary>
public sealed class DiscogsSetupTests
{
    private const string Usage = "usage: discogs-setup [-h] [--consumer-key CONSUMER_KEY]\n                     [--consumer-secret CONSUMER_SECRET] [--show]";
    private TestDatabase database = null!;

    [SetUp]
    public async Task CreateDatabaseAsync() => database = await TestDatabase.CreateAsync(TestServers.PostgresServer, "setup");

    [TearDown]
    public async Task DropDatabaseAsync() => await database.DisposeAsync();

    [TestCase(new string[0], "one of --show or --consumer-key/--consumer-secret is required")]
    [TestCase(new[] { "--consumer-secret", "s" }, "one of --show or --consumer-key/--consumer-secret is required")]
    [TestCase(new[] { "--show", "--consumer-key", "k" }, "--show cannot be combined with --consumer-key/--consumer-secret")]
    [TestCase(new[] { "--show", "--consumer-secret", "s" }, "--show cannot be combined with --consumer-key/--consumer-secret")]
    [TestCase(new[] { "--consumer-key", "k" }, "--consumer-secret is required when using --consumer-key")]
    [TestCase(new[] { "--consumer-key" }, "argument --consumer-key: expected one argument")]
    [TestCase(new[] { "--show", "--verbose" }, "unrecognized arguments: --verbose")]
    [TestCase(new[] { "--consumer", "k" }, "ambiguous option: --consumer could match --consumer-key, --consumer-secret")]
    public async Task Usage_errors_print_the_argparse_usage_and_exit_2(string[] arguments, string message)
    {
        var (exitCode, output, error) = await RunAsync(arguments);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Is.EqualTo($"{Usage}\ndiscogs-setup: error: {message}\n"));
    }

    [Test]
    public async Task Help_exits_0_with_the_description_and_epilog()
    {
        var (exitCode, output, _) = await RunAsync(["--help"]);
        var (shortExit, shortOutput, _) = await RunAsync(["-h"]);

        Assert.That((exitCode, shortExit), Is.EqualTo((0, 0)));
        Assert.That(output, Does.StartWith(Usage).And.Contain("Configure Discogs app credentials in the database.")
            .And.Contain("Reads DB connection from environment variables: POSTGRES_HOST, POSTGRES_USERNAME, POSTGRES_PASSWORD, POSTGRES_DATABASE"));
        Assert.That(shortOutput, Is.EqualTo(output));
    }

    [Test]
    public async Task Missing_database_settings_exit_1_naming_them()
    {
        var none = await HostProcess.RunAsync(new Dictionary<string, string>(), DiscogsSetupCommand.Name, "--show");
        var hostOnly = await HostProcess.RunAsync(new Dictionary<string, string> { ["POSTGRES_HOST"] = "db" }, DiscogsSetupCommand.Name,
            "--show");

        Assert.That((none.ExitCode, hostOnly.ExitCode), Is.EqualTo((1, 1)));
        Assert.That(none.Error.Trim(),
            Is.EqualTo("❌ Missing required environment variables: POSTGRES_HOST, POSTGRES_USERNAME, POSTGRES_PASSWORD, POSTGRES_DATABASE"));
        Assert.That(hostOnly.Error.Trim(),
            Is.EqualTo("❌ Missing required environment variables: POSTGRES_USERNAME, POSTGRES_PASSWORD, POSTGRES_DATABASE"));
    }

    [Test]
    public async Task Show_with_nothing_stored_says_not_set()
    {
        var (exitCode, output, _) = await RunAsync(["--show"]);

        Assert.That(exitCode, Is.Zero);
        Assert.That(output, Is.EqualTo("discogs_consumer_key:    (not set)\ndiscogs_consumer_secret: (not set)\n"));
    }

    [Test]
    public async Task Setting_without_a_key_stores_plaintext_key_then_secret_and_show_masks_them()
    {
        var set = await RunAsync(["--consumer-key", "mykey12345", "--consumer-secret=mysecret678"]);
        var show = await RunAsync(["--show"]);

        Assert.That((set.ExitCode, set.Output), Is.EqualTo((0, "✅ Discogs credentials updated successfully.\n")));
        Assert.That(await StoredAsync(),
            Is.EqualTo(new[] { ("discogs_consumer_key", "mykey12345"), ("discogs_consumer_secret", "mysecret678") }));
        Assert.That(show.Output, Is.EqualTo("discogs_consumer_key:    my******45\ndiscogs_consumer_secret: my*******78\n"));
        Assert.That(show.Output, Does.Not.Contain("mykey12345").And.Not.Contain("mysecret678"));
    }

    [Test]
    public async Task With_a_key_the_values_are_stored_as_Fernet_tokens_and_show_decrypts_them()
    {
        var key = Fernet.GenerateKey();

        var set = await RunAsync(["--consumer-key", "mykey12345", "--consumer-secret", "mysecret678"], key);
        var show = await RunAsync(["--show"], key);

        var stored = await StoredAsync();
        var fernet = new Fernet(key);
        Assert.That(set.ExitCode, Is.Zero);
        Assert.That(stored.Select(s => s.Value), Is.All.StartWith("gAAAAA"));
        Assert.That(stored.Select(s => fernet.DecryptString(s.Value, DateTimeOffset.UtcNow)),
            Is.EqualTo(new[] { "mykey12345", "mysecret678" }));
        Assert.That(show.Output, Is.EqualTo("discogs_consumer_key:    my******45\ndiscogs_consumer_secret: my*******78\n"));
        Assert.That(show.Output, Does.Not.Contain(stored[0].Value));
    }

    [Test]
    public async Task Setting_again_replaces_the_values()
    {
        await RunAsync(["--consumer-key", "first-key", "--consumer-secret", "first-secret"]);
        await RunAsync(["--consumer-key", "second-key", "--consumer-secret", "second-secret"]);

        Assert.That((await StoredAsync()).Select(s => s.Value), Is.EqualTo(new[] { "second-key", "second-secret" }));
    }

    [Test]
    public async Task An_invalid_encryption_key_exits_1_with_a_clear_message()
    {
        var (exitCode, _, error) = await RunAsync(["--consumer-key", "k", "--consumer-secret", "s"], "not-a-fernet-key");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.StartWith("❌ OAUTH_ENCRYPTION_KEY must be a Fernet key"));
    }

    [TestCase("", "(not set)")]
    [TestCase(null, "(not set)")]
    [TestCase("ab", "****")]
    [TestCase("abcd", "****")]
    [TestCase("abcde", "ab*de")]
    [TestCase("abcdefgh", "ab****gh")]
    [TestCase("0123456789", "01******89")]
    public void Masking_keeps_two_characters_at_each_end_and_the_length(string? value, string masked)
    {
        Assert.That(SecretMask.Mask(value), Is.EqualTo(masked));
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string[] arguments, string? encryptionKey = null)
    {
        var environment = HostProcess.PostgresEnvironment(database.Settings);
        if (encryptionKey is not null)
            environment["OAUTH_ENCRYPTION_KEY"] = encryptionKey;
        return HostProcess.RunAsync(environment, [DiscogsSetupCommand.Name, .. arguments]);
    }

    private async Task<(string Key, string Value)[]> StoredAsync()
    {
        await using var dataSource = PostgresDataSource.Create(database.Settings);
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, string)>("SELECT key, value FROM app_config ORDER BY key")).ToArray();
    }
}
