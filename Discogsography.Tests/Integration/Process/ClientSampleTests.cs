using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using System.Diagnostics;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Catalogue;

namespace Discogsography.Tests.Integration.Process;

/// <summary>The README's runnable client example (samples/Discogsography.ClientSample) works against a running API.</summary>
public sealed class ClientSampleTests : ApiTest
{
    [Test]
    public async Task The_sample_registers_logs_in_and_explores_an_artist()
    {
        var oracle = await CatalogueFixture.OracleAsync();
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

    [Test]
    public async Task The_sample_explores_the_demo_artist_by_default_and_reuses_its_account_on_the_next_run()
    {
        await CatalogueFixture.OracleAsync();

        var first = await RunSampleAsync(Host.ApiUrl.ToString(), "returning@example.com");
        var second = await RunSampleAsync(Host.ApiUrl.ToString(), "returning@example.com");

        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((0, 0)), first.Output + second.Output);
        Assert.That(second.Output, Does.StartWith("The Persuader (artist 1)"));
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        Assert.That(await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT count(*) FROM audit_log WHERE action = 'register'"), Is.EqualTo(1),
            "registered once, signed in twice");
    }

    [TestCase("ftp://127.0.0.1:8004", "'ftp://127.0.0.1:8004' is not an http(s) URL")]
    [TestCase("http://127.0.0.1:8004 not-an-email", "'not-an-email' is not an email address")]
    [TestCase("http://127.0.0.1:8004 a@example.com Artist extra", "too many or unknown arguments")]
    public async Task Unusable_arguments_are_refused_with_the_reason_and_the_usage(string arguments, string reason)
    {
        var (exitCode, output) = await RunSampleAsync(arguments.Split(' '));

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain(reason).And.Contain("usage: Discogsography.ClientSample"));
    }

    [Test]
    public async Task A_429_is_waited_out_for_as_long_as_Retry_After_says_without_a_stack_trace()
    {
        var logins = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var fake = builder.Build();
        fake.MapPost("/api/auth/login", (HttpContext context) =>
        {
            if (Interlocked.Increment(ref logins) > 1)
                return Results.Json(new { access_token = "a", token_type = "bearer", expires_in = 1800, refresh_token = "r" });
            context.Response.Headers.RetryAfter = "1";
            return Results.Json(new { error = "Rate limit exceeded: 5 per 1 minute" }, statusCode: 429);
        });
        fake.MapGet("/api/explore", () => Results.Json(new { error = "Artist 'The Persuader' not found" }, statusCode: 404));
        await fake.StartAsync();

        var (exitCode, output) = await RunSampleAsync(fake.Urls.Single(), "patient@example.com");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("Rate limit exceeded: 5 per 1 minute: waiting 1 s as the server asks.").And.Not.Contain("   at "));
        Assert.That(logins, Is.EqualTo(2));
    }

    private static async Task<(int ExitCode, string Output)> RunSampleAsync(params string[] arguments)
    {
        using var process = StartSample(arguments);
        return await OutputOfAsync(process, process.StandardOutput.ReadToEndAsync());
    }

    /// <summary>Starts the sample with its console redirected.</summary>
    public static System.Diagnostics.Process StartSample(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true,
            RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "samples", "Discogsography.ClientSample", "bin",
            RepositoryPaths.Configuration, "net10.0",
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
