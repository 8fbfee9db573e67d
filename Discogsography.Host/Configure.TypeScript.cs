using Discogsography.Host.TypeScript;

namespace Discogsography.Host;

/// <summary><c>GET /types/typescript</c>: the DTOs and client for frontends, generated once from the service model.</summary>
internal static class ConfigureTypeScript
{
    private static readonly Lazy<string> Module = new(() => TypeScriptGenerator.Generate(ConfigureServices.ContractAssembly));

    public static void MapTypeScriptDtos(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/types/typescript", () => Results.Text(Module.Value, "text/plain; charset=utf-8"))
            .ExcludeFromDescription();
}
