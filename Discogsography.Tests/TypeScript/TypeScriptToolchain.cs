using System.Diagnostics;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.TypeScript;

/// <summary>The pinned TypeScript compiler (<c>scripts/typescript.sh</c> installs it; ./test.sh runs that) and Node.</summary>
internal static class TypeScriptToolchain
{
    /// <summary>The strict compiler options the generated module must pass.</summary>
    public const string StrictConfig = """
        { "compilerOptions": { "strict": true, "target": "ES2022", "module": "commonjs", "lib": ["ES2022", "DOM"],
                               "outDir": "out", "skipLibCheck": true, "noUnusedLocals": true, "noImplicitReturns": true } }
        """;

    public static string Compiler
    {
        get
        {
            var tsc = Path.Combine(RepositoryPaths.Root, "tools", "typescript", "node_modules", ".bin", "tsc");
            return File.Exists(tsc)
                ? tsc : throw new InvalidOperationException($"{tsc} is missing: run scripts/typescript.sh (./test.sh does).");
        }
    }

    /// <summary>A fresh folder holding the module as <c>dtos.ts</c>, the strict config, and <paramref name="files"/>.</summary>
    public static string Project(string module, params (string Name, string Source)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("ts-dtos").FullName;
        File.WriteAllText(Path.Combine(folder, "dtos.ts"), module);
        File.WriteAllText(Path.Combine(folder, "tsconfig.json"), StrictConfig);
        foreach (var (name, source) in files)
            File.WriteAllText(Path.Combine(folder, name), source);
        return folder;
    }

    /// <summary>Compiles the project in <paramref name="folder"/> (to <c>out/</c>); the exit code and the compiler's messages.</summary>
    public static Task<(int ExitCode, string Output)> CompileAsync(string folder, bool emit = false) =>
        RunAsync(Compiler, folder, emit ? ["-p", "."] : ["-p", ".", "--noEmit"]);

    /// <summary>Runs a compiled script with Node.</summary>
    public static Task<(int ExitCode, string Output)> NodeAsync(string folder, string script, params string[] arguments) =>
        RunAsync("node", folder, [Path.Combine("out", script), .. arguments]);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string folder, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true,
            RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
