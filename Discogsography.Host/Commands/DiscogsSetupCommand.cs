using System.CommandLine;
using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Discogs;
using Discogsography.ServiceInterface.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Discogsography.Host.Commands;

/// <summary>
/// <c>discogs-setup</c>: shows or sets the Discogs app credentials in <c>app_config</c>, with the reference's flags,
/// messages and exit codes (2 usage, 1 configuration or database, 0 done). Arguments are parsed argparse-style by
/// <see cref="DiscogsSetupArguments"/>, not by System.CommandLine, so the output matches the Python tool.
/// </summary>
internal static class DiscogsSetupCommand
{
    public const string Name = "discogs-setup";

    /// <summary>Listed in the root help; invocations are routed to <see cref="RunAsync"/> before System.CommandLine parses.</summary>
    public static Command Create() => new(Name, "Configure Discogs app credentials in the database (same flags as the Python tool).");

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        DiscogsSetupArguments arguments;
        try
        {
            arguments = DiscogsSetupArguments.Parse(args);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync(DiscogsSetupArguments.Usage + "\n" + $"{Name}: error: {e.Message}");
            return 2;
        }
        if (arguments.Help)
        {
            await stdout.WriteLineAsync(DiscogsSetupArguments.HelpText);
            return 0;
        }
        try
        {
            return await ApplyAsync(arguments, stdout, cancellationToken);
        }
        catch (Exception e) when (e is SettingsException or NpgsqlException or MigrationException)
        {
            await stderr.WriteLineAsync($"❌ {(e is NpgsqlException and not PostgresException ? "Could not connect to PostgreSQL: " : "")}{e.Message}");
            return 1;
        }
    }

    private static async Task<int> ApplyAsync(DiscogsSetupArguments arguments, TextWriter stdout, CancellationToken cancellationToken)
    {
        var env = EnvironmentReader.FromProcess();
        var postgres = AppSettingsLoader.LoadPostgres(env);
        var protector = SecretProtector.Create(env.Secret("OAUTH_ENCRYPTION_KEY"), TimeProvider.System);
        await using var dataSource = PostgresDataSource.Create(postgres);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
        var config = new AppConfigQueries(dataSource);
        if (arguments.Show)
        {
            var stored = await config.GetAsync(
                [DiscogsAppCredentials.ConsumerKeyName, DiscogsAppCredentials.ConsumerSecretName], cancellationToken);
            string? Plain(string name) => stored.TryGetValue(name, out var value) && value.Length > 0 ? protector.Unprotect(value) : null;
            await stdout.WriteLineAsync($"discogs_consumer_key:    {SecretMask.Mask(Plain(DiscogsAppCredentials.ConsumerKeyName))}");
            await stdout.WriteLineAsync($"discogs_consumer_secret: {SecretMask.Mask(Plain(DiscogsAppCredentials.ConsumerSecretName))}");
            return 0;
        }
        await new DiscogsAppCredentials(config, protector).SetAsync(arguments.ConsumerKey!, arguments.ConsumerSecret!, cancellationToken);
        await new AuditLog(dataSource).RecordAsync(new AuditEntry("app_credentials_set", null, "app_config", DiscogsAppCredentials.ConsumerKeyName,
            new Dictionary<string, object?> { ["encrypted"] = protector.Encrypts }), null, Name, cancellationToken);
        await stdout.WriteLineAsync("✅ Discogs credentials updated successfully.");
        return 0;
    }
}
