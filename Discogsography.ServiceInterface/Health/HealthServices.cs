using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Health;

/// <summary>Liveness and readiness. Readiness says only up or down: the reasons (addresses, errors) are logged.</summary>
public sealed partial class HealthServices(DependencyProbe probe, TimeProvider time, ILogger<HealthServices> logger) : Service
{
    public HealthResponse Get(GetHealth request) => HealthReport.Healthy(time);

    public async Task<ReadinessResponse> Get(GetReadiness request)
    {
        var checks = await probe.CheckAsync(Aborted);
        var down = checks.Where(c => c.Status == "down").ToArray();
        foreach (var dependency in down)
            LogDown(logger, DependencyProbe.Display(dependency.Name), dependency.Detail ?? "");
        var response = new ReadinessResponse { Status = down.Length == 0 ? "ready" : "not_ready",
            Checks = checks.ToDictionary(c => c.Name, c => c.Status) };
        return down.Length == 0 ? response : throw HttpError.WithBody(503, response, "not_ready");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: {Dependency} is down: {Reason}")]
    private static partial void LogDown(ILogger logger, string dependency, string reason);
}

/// <summary>The reference's health payload, shared by <c>/health</c> on both ports.</summary>
public static class HealthReport
{
    /// <summary>The healthy payload for now.</summary>
    public static HealthResponse Healthy(TimeProvider time) =>
        new() { Status = "healthy", Service = "api", Timestamp = time.GetUtcNow() };
}
