using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Health;

/// <summary>Liveness and readiness.</summary>
public sealed class HealthServices(DependencyProbe probe, TimeProvider time) : Service
{
    public HealthResponse Get(GetHealth request) => HealthReport.Healthy(time);

    public async Task<ReadinessResponse> Get(GetReadiness request)
    {
        var checks = await probe.CheckAsync(Aborted);
        var down = checks.Where(c => c.Status == "down").ToArray();
        var response = new ReadinessResponse
        {
            Status = down.Length == 0 ? "ready" : "not_ready",
            Checks = [.. checks],
            Detail = down.Length == 0 ? null : "Not ready: " + string.Join(", ", down.Select(c => $"{DependencyProbe.Display(c.Name)} is down")),
        };
        return down.Length == 0 ? response : throw HttpError.WithBody(503, response, response.Detail!);
    }
}

/// <summary>The reference's health payload, shared by <c>/health</c> on both ports.</summary>
public static class HealthReport
{
    /// <summary>The healthy payload for now.</summary>
    public static HealthResponse Healthy(TimeProvider time) =>
        new() { Status = "healthy", Service = "api", Timestamp = time.GetUtcNow() };
}
