using System.CommandLine;
using Discogsography.ServiceInterface.Configuration;

namespace Discogsography.Host.Commands;

/// <summary><c>serve</c> (the default verb): migrate when configured, then run the API and health ports until stopped.</summary>
internal static partial class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the API (API_PORT) and health (HEALTH_PORT) servers. This is the default.");
        command.SetAction((_, cancellationToken) => RunAsync(cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(CancellationToken cancellationToken) => CommandGuard.RunAsync(async () =>
    {
        var settings = AppSettingsLoader.Load(EnvironmentReader.FromProcess());
        await using var app = ApiHost.Build(settings);
        if (settings.Hosting.MigrateOnStartup)
            await MigrateWithRetryAsync(app, cancellationToken);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Discogsography.Host");
        LogListening(logger, settings.Hosting.BindAddress, settings.Hosting.ApiPort, settings.Hosting.HealthPort);
        await app.RunAsync(cancellationToken);
        return 0;
    });

    /// <summary>The database may still be starting (containers): retry for about half a minute before giving up.</summary>
    private static async Task MigrateWithRetryAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var upgrade = app.Services.GetRequiredService<ServiceInterface.Maintenance.DatabaseUpgrade>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Discogsography.Migrations");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await upgrade.RunAsync(cancellationToken);
                return;
            }
            catch (Npgsql.NpgsqlException e) when (e is not Npgsql.PostgresException && attempt < 6)
            {
                LogDatabaseNotReady(logger, attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt * 2), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on {Address}: API port {ApiPort}, health port {HealthPort}")]
    private static partial void LogListening(ILogger logger, string address, int apiPort, int healthPort);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogDatabaseNotReady(ILogger logger, int attempt, string reason);
}
