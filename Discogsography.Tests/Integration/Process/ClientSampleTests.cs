using System.Diagnostics;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Catalog;

namespace Discogsography.Tests.Integration.Process;

/// <summary>The README's runnable client example (samples/Discogsography.ClientSample) works against a running API.</summary>
public sealed class ClientSampleTests : ApiTest
{
    [Test]
    public async Task The_sample_registers_logs_in_and_explores_an_artist()
    {
        var oracle = await CatalogFixture.OracleAsync();
        var artistId = oracle.Releases[0].Artists[0].Id;
        var artist = oracle.ArtistName(artistId);

        var (exitCode, output) = await RunSampleAsync(Host.ApiUrl.ToString(), "sample@example.com", artist);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(lines[0], Is.EqualTo($"{artist} (artist {oracle.ArtistId(artist)})"));
        Assert.That(lines[1], Does.StartWith("  Releases: "));
    }

    [Test]
    public async Task The_sample_says_so_when_the_artist_is_unknown()
    {
        var (exitCode, output) = await RunSampleAsync(Host.ApiUrl.ToString(), "sample2@example.com", "Nobody At All");

        Assert.That((exitCode, output.Trim()), Is.EqualTo((0, "Artist 'Nobody At All' not found")));
    }

    private static async Task<(int ExitCode, string Output)> RunSampleAsync(params string[] arguments)
    {
        using var process = StartSample(arguments);
        return await OutputOfAsync(process, process.StandardOutput.ReadToEndAsync());
    }

    /// <summary>Starts the sample with its console redirected.</summary>
    public static System.Diagnostics.Process StartSample(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "samples", "Discogsography.ClientSample", "bin", RepositoryPaths.Configuration, "net10.0",
            "Discogsography.ClientSample.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return System.Diagnostics.Process.Start(start)!;
    }

    /// <summary>Waits (a minute at most) for the sample to end; its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> OutputOfAsync(System.Diagnostics.Process process, Task<string> output)
    {
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
