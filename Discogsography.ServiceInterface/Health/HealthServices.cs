using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Health;

/// <summary>Liveness and readiness.</summary>
public sealed class HealthServices(NpgsqlDataSource database, IKeyValueStore store, TimeProvider time) : Service
{
    /// <summary>How long each readiness probe may take before the dependency counts as down.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public HealthResponse Get(GetHealth request) => HealthReport.Healthy(time);

    public async Task<ReadinessResponse> Get(GetReadiness request)
    {
        var checks = await Task.WhenAll(
            ProbeAsync("postgres", PingDatabaseAsync),
            ProbeAsync("redis", store.PingAsync, store.Kind == "redis" ? null : "in-memory store (REDIS_HOST not set)"));
        var down = checks.Where(c => c.Status == "down").ToArray();
        var response = new ReadinessResponse
        {
            Status = down.Length == 0 ? "ready" : "not_ready",
            Checks = [.. checks],
            Detail = down.Length == 0 ? null : "Not ready: " + string.Join(", ", down.Select(c => $"{Display(c.Name)} is down")),
        };
        return down.Length == 0 ? response : throw HttpError.WithBody(503, response, response.Detail!);
    }

    private async Task PingDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<DependencyStatus> ProbeAsync(string name, Func<CancellationToken, Task> probe, string? upDetail = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Aborted);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await probe(timeout.Token);
            return new DependencyStatus { Name = name, Status = "up", Detail = upDetail };
        }
        catch (Exception e) when (e is DependencyUnavailableException or NpgsqlException or OperationCanceledException or TimeoutException
                                  && !Aborted.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? $"no answer within {ProbeTimeout.TotalSeconds:0} s" : e.Message;
            return new DependencyStatus { Name = name, Status = "down", Detail = $"{Display(name)}: {reason}" };
        }
    }

    private static string Display(string name) => name == "postgres" ? "PostgreSQL" : "Redis";
}

/// <summary>The reference's health payload, shared by <c>/health</c> on both ports.</summary>
public static class HealthReport
{
    /// <summary>The healthy payload for now.</summary>
    public static HealthResponse Healthy(TimeProvider time) =>
        new() { Status = "healthy", Service = "api", Timestamp = time.GetUtcNow() };
}
