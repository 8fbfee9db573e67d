namespace Discogsography.Admin;

/// <summary><c>healthcheck</c>: exits 0 when the dashboard answers on its port (the container HEALTHCHECK runs it).</summary>
public static class AdminHealthcheck
{
    public static async Task<int> RunAsync(AdminSettings settings)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{settings.Port}/favicon.svg"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"unhealthy: {e.Message}");
            return 1;
        }
    }
}
