using Discogsography.ServiceInterface.Configuration;

namespace Discogsography.Host;

/// <summary>Console logs: readable lines in development, one JSON object per line everywhere else.</summary>
internal static class ConfigureLogging
{
    public static void AddConsoleLogging(this ILoggingBuilder logging, HostingSettings hosting)
    {
        logging.ClearProviders();
        if (hosting.IsDevelopment)
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        else
            logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
        logging.SetMinimumLevel(LevelOf(hosting.LogLevel));
        // Request logs from the framework name paths and query strings (OAuth verifiers, snapshot tokens):
        // keep them at warning so only failures are logged, and never their parameters.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
    }

    /// <summary>Python's level names (the reference's <c>LOG_LEVEL</c>) and .NET's.</summary>
    public static LogLevel LevelOf(string name) => name.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "WARNING" or "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" or "FATAL" => LogLevel.Critical,
        _ => throw new SettingsException($"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, got '{name}'"),
    };
}
