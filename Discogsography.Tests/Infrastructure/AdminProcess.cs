using System.Diagnostics;

namespace Discogsography.Tests.Infrastructure;

/// <summary>The built Admin app run as its own process (as ./run.sh runs it), pointed at an API.</summary>
public sealed class AdminProcess : IAsyncDisposable
{
    private readonly Process process;

    private AdminProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Starts the Admin on a free port; <paramref name="environment"/> adds or overrides variables.</summary>
    public static async Task<AdminProcess> StartAsync(Uri apiUrl, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = Ports.Free();
        var directory = RepositoryPaths.OutputOf("Discogsography.Admin");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Discogsography.Admin.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ADMIN_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["API_BASE_URL"] = apiUrl.ToString();
        start.Environment["ENVIRONMENT"] = "test";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var admin = new AdminProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await admin.WaitUntilServingAsync();
        return admin;
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                (await http.GetAsync(Url)).EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException) when (attempt < 150 && !process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
