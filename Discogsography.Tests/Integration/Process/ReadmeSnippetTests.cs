using System.Diagnostics;
using System.Text.RegularExpressions;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Catalogue;
using Discogsography.Tests.TypeScript;

namespace Discogsography.Tests.Integration.Process;

/// <summary>The README's snippets run as written, against a live API whose catalogue is what a newcomer has.</summary>
public sealed partial class ReadmeSnippetTests : ApiTest
{
    private const string ReadmeApi = "http://127.0.0.1:8004";

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    [OneTimeSetUp]
    public Task ImportTheCatalogueAsync() => CatalogueFixture.OracleAsync();

    [Test]
    public async Task The_TypeScript_snippet_compiles_and_runs_with_the_commands_the_README_gives()
    {
        var folder = Directory.CreateTempSubdirectory("readme-ts").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "explore.ts"), OnTestHost(Blocks("ts").Single()));
        // The pinned compiler (the version the README names) is installed there, so npx finds it instead of fetching it.
        Directory.CreateSymbolicLink(Path.Combine(folder, "node_modules"),
            Path.GetDirectoryName(Path.GetDirectoryName(TypeScriptToolchain.Compiler))!);
        var commands = Blocks("bash").Single(b => b.Contains(" tsc ", StringComparison.Ordinal));

        var (exitCode, output) = await BashAsync(folder, commands);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("The Persuader [").And.Contain("404 Artist 'Nobody At All' not found"));
    }

    [Test]
    public async Task The_vault_snippet_stores_a_Discogs_token()
    {
        var login = await Accounts.RegisterAndLoginAsync(Client, "readme@example.com");
        var snippet = Blocks("bash").Single(b => b.Contains("/api/users/api-keys", StringComparison.Ordinal));

        var (exitCode, output) = await BashAsync(Path.GetTempPath(), snippet, ("TOKEN", login.AccessToken!));

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("\"service_name\":\"discogs\""));
    }

    [Test]
    public void The_CSharp_snippet_is_the_running_samples_own_code()
    {
        var sample = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "samples", "Discogsography.ClientSample", "Program.cs"))
            .Select(l => l.Trim()).ToList();

        var missing = Blocks("csharp").Single().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !sample.Contains(l));

        Assert.That(missing, Is.Empty, "ClientSampleTests run the sample; the README shows its lines");
    }

    /// <summary>The snippet with the README's API address replaced by the test host's.</summary>
    private static string OnTestHost(string snippet) =>
        snippet.Replace(ReadmeApi, Host.ApiUrl.ToString().TrimEnd('/'), StringComparison.Ordinal);

    private static IEnumerable<string> Blocks(string language) =>
        FencedBlock().Matches(Readme).Where(m => m.Groups["language"].Value == language).Select(m => m.Groups["code"].Value);

    private static async Task<(int ExitCode, string Output)> BashAsync(string folder, string script,
        params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", OnTestHost(script)])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"```(?<language>\w+)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
