using System.CommandLine;
using Discogsography.ServiceInterface.Configuration;

namespace Discogsography.Host.Commands;

/// <summary>
/// <c>healthcheck</c>: exits 0 when <c>GET http://127.0.0.1:&lt;HEALTH_PORT&gt;/health</c> answers 200 within 3 s, 1
/// otherwise. The container HEALTHCHECK runs it (the runtime image has no curl).
/// </summary>
internal static class HealthcheckCommand
{
    public static Command Create()
    {
        var command = new Command("healthcheck", "Probe the local health port; exit 0 when healthy (for container health checks).");
        command.SetAction(async (_, cancellationToken) =>
        {
            var port = EnvironmentReader.FromProcess().Port("HEALTH_PORT", new HostingSettings().HealthPort);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), cancellationToken);
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync($"unhealthy: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
