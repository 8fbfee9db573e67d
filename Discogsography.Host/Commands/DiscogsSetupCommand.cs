using System.CommandLine;
using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Discogs;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Security;
using Npgsql;
using Discogsography.ServiceModel;

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

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
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
        catch (Exception e) when (e is SettingsException or NpgsqlException or MigrationException or ServiceMisconfiguredException)
        {
            await stderr.WriteLineAsync($"❌ {(e is NpgsqlException and not PostgresException ? "Could not connect to PostgreSQL: " : "")}{e.Message}");
            return 1;
        }
    }

    private static async Task<int> ApplyAsync(DiscogsSetupArguments arguments, TextWriter stdout, CancellationToken cancellationToken)
    {
        await using var services = await CommandServices.StartAsync(cancellationToken);
        var credentials = services.GetRequiredService<DiscogsAppCredentials>();
        if (arguments.Show)
        {
            var stored = await credentials.DescribeAsync(cancellationToken);
            await stdout.WriteLineAsync($"discogs_consumer_key:    {stored.ConsumerKey}");
            await stdout.WriteLineAsync($"discogs_consumer_secret: {stored.ConsumerSecret}");
            return 0;
        }
        await credentials.SetAsync(arguments.ConsumerKey!, arguments.ConsumerSecret!, cancellationToken);
        var encrypted = services.GetRequiredService<SecretProtector>().Encrypts;
        await services.GetRequiredService<AuditLog>().RecordAsync(new AuditEntry(AuditActions.AppCredentialsSet, null, "app_config",
            DiscogsAppCredentials.ConsumerKeyName,
            new Dictionary<string, object?> { ["encrypted"] = encrypted }), null, Name, cancellationToken);
        await stdout.WriteLineAsync("✅ Discogs credentials updated successfully.");
        return 0;
    }
}
