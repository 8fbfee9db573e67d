using System.ComponentModel.DataAnnotations;
namespace Discogsography.ServiceModel;

/// <summary>Liveness, with the reference's payload (also served on the health port, 8005).</summary>
[Route("/health", "GET"), Tag(Tags.Health)]
public class GetHealth : IReturn<HealthResponse>;

/// <summary><c>{"status": "healthy", "service": "api", "timestamp": "..."}</c>.</summary>
public class HealthResponse
{
    /// <summary><c>healthy</c> once the service is up (<c>starting</c> before).</summary>
    [AllowedValues("healthy", "starting")]
    public required string Status { get; set; }

    /// <summary>Always <c>api</c>.</summary>
    [AllowedValues("api")]
    public required string Service { get; set; }

    /// <summary>When the answer was produced (UTC).</summary>
    public required DateTimeOffset Timestamp { get; set; }
}

/// <summary>
/// Readiness: PostgreSQL and the key-value store answer. 503 with the same body when one does not. Only up or down is
/// said (anyone may ask): why, and where the dependency is, goes to the log.
/// </summary>
[Route("/health/ready", "GET"), Tag(Tags.Health)]
public class GetReadiness : IReturn<ReadinessResponse>;

/// <summary>The readiness verdict and each dependency's state.</summary>
public class ReadinessResponse
{
    /// <summary><c>ready</c> or <c>not_ready</c>.</summary>
    [AllowedValues("ready", "not_ready")]
    public required string Status { get; set; }

    /// <summary><c>{"postgres": "up" | "down", "redis": "up" | "down"}</c>.</summary>
    public required Dictionary<string, string> Checks { get; set; }
}

/// <summary>The state of one dependency.</summary>
public class DependencyStatus
{
    /// <summary><c>postgres</c> or <c>redis</c>.</summary>
    [AllowedValues("postgres", "redis")]
    public required string Name { get; set; }

    /// <summary><c>up</c> or <c>down</c>.</summary>
    [AllowedValues("up", "down")]
    public required string Status { get; set; }

    /// <summary>What was checked, or why it failed.</summary>
    public string? Detail { get; set; }
}
