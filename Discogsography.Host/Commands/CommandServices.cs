using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;

namespace Discogsography.Host.Commands;

/// <summary>
/// The one bootstrap of the verbs other than <c>serve</c>: settings from the environment, the application's own
/// service registrations (<see cref="ConfigureApplication"/>), the database brought up to date. Verbs resolve what
/// they need from it instead of building data sources by hand. Logs go to standard error from warnings up: standard
/// output is the verb's own answer.
/// </summary>
internal static class CommandServices
{
    public static async Task<ServiceProvider> StartAsync(CancellationToken cancellationToken, bool migrate = true)
    {
        var settings = AppSettingsLoader.LoadForCommands(EnvironmentReader.FromProcess());
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        services.AddApplication(settings, [ConfigureServices.ServiceAssembly]);
        var provider = services.BuildServiceProvider();
        if (migrate)
            await provider.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        return provider;
    }
}
