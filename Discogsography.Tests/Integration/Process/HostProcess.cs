using System.Diagnostics;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Process;

/// <summary>Runs the built Host executable as operators do (<c>dotnet Discogsography.Host.dll &lt;verb&gt;</c>).</summary>
internal static class HostProcess
{
    private static readonly string[] Configuration =
    [
        "POSTGRES_HOST", "POSTGRES_USERNAME", "POSTGRES_PASSWORD", "POSTGRES_DATABASE", "JWT_SECRET_KEY", "REDIS_HOST",
        "API_PORT", "HEALTH_PORT", "OAUTH_ENCRYPTION_KEY", "CORS_ORIGINS", "ADMIN_PASSWORD",
    ];

    public static string Dll => Path.Combine(RepositoryPaths.OutputOf("Discogsography.Host"), "Discogsography.Host.dll");

    /// <summary>Starts the Host with only <paramref name="environment"/> as configuration.</summary>
    public static System.Diagnostics.Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true,
            RedirectStandardInput = true };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in Configuration)
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return System.Diagnostics.Process.Start(start)!;
    }

    /// <summary>Runs to completion (at most a minute) and returns the exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The environment for a database: the four POSTGRES_* variables.</summary>
    public static Dictionary<string, string> PostgresEnvironment(ServiceInterface.Configuration.PostgresSettings postgres) => new()
    {
        ["POSTGRES_HOST"] = $"{postgres.Host}:{postgres.Port}",
        ["POSTGRES_USERNAME"] = postgres.Username,
        ["POSTGRES_PASSWORD"] = postgres.Password,
        ["POSTGRES_DATABASE"] = postgres.Database,
    };
}
