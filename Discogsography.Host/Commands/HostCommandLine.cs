using System.CommandLine;

namespace Discogsography.Host.Commands;

/// <summary>The Host's verbs (ARCHITECTURE.md §6). With no verb it serves.</summary>
internal static class HostCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Discogsography API: a drop-in C# replacement for the Python Discogsography API service.")
        {
            ServeCommand.Create(),
            MigrateCommand.Create(),
            HealthcheckCommand.Create(),
            CreateAdminCommand.Create(),
            DiscogsSetupCommand.Create(),
            ImportCommand.Create(),
            GenerateSampleCommand.Create(),
            TypeScriptCommand.Create(),
        };
        root.SetAction((_, cancellationToken) => ServeCommand.RunAsync(cancellationToken));
        return root;
    }
}
