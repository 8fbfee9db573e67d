using System.CommandLine;
using Discogsography.Host.TypeScript;

namespace Discogsography.Host.Commands;

/// <summary><c>typescript [--out FILE]</c>: the TypeScript DTO module, offline (the same text <c>GET
/// /types/typescript</c> serves).</summary>
internal static class TypeScriptCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command("typescript", "Write the TypeScript DTOs and client generated from the service model.") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var module = TypeScriptGenerator.Generate(ConfigureServices.ContractAssembly);
            if (parse.GetValue(output) is { Length: > 0 } path)
            {
                await File.WriteAllTextAsync(path, module, cancellationToken);
                Console.Error.WriteLine($"Wrote {path}");
            }
            else
            {
                await Console.Out.WriteAsync(module);
            }
            return 0;
        });
        return command;
    }
}
