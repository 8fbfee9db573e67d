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

/// <summary>Readiness: PostgreSQL and the key-value store answer. 503 with the same body names what is down.</summary>
[Route("/health/ready", "GET"), Tag(Tags.Health)]
public class GetReadiness : IReturn<ReadinessResponse>;

/// <summary>The readiness verdict and one line per dependency.</summary>
public class ReadinessResponse
{
    /// <summary><c>ready</c> or <c>not_ready</c>.</summary>
    [AllowedValues("ready", "not_ready")]
    public required string Status { get; set; }

    /// <summary>One entry per dependency.</summary>
    public required List<DependencyStatus> Checks { get; set; }

    /// <summary>What is down, e.g. <c>Not ready: Redis is down</c>; null when ready.</summary>
    public string? Detail { get; set; }
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
