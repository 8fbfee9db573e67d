using System.ComponentModel.DataAnnotations;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;
using Discogsography.ServiceModel;

namespace Discogsography.Tests.Integration.Pipeline;

// Request DTOs that exist only in the tests: they drive every binding, auth, limit and error path of the
// pipeline through the typed client, independently of the product's features.

public enum ProbeColor
{
    DeepRed,
    Blue,
}

[Route("/test/probe/{item_id}", "GET")]
public class GetProbe : IReturn<ProbeResponse>
{
    public required string ItemId { get; set; }

    [MinLength(2)]
    public required string Q { get; set; }

    [Range(1, 50)]
    public int Limit { get; set; } = 10;

    [Range(0, int.MaxValue)]
    public int Offset { get; set; }

    public bool Verbose { get; set; }

    public ProbeColor? Color { get; set; }

    public List<string> Tags { get; set; } = [];
}

[Route("/test/probe", "POST"), SuccessStatus(201)]
public class CreateProbe : IReturn<ProbeResponse>
{
    public required string Name { get; set; }

    [MinLength(8)]
    public required string Password { get; set; }

    public int Count { get; set; }

    public double Score { get; set; }

    public ProbeNode? Center { get; set; }

    public List<ProbeNode> Nodes { get; set; } = [];
}

public class ProbeNode
{
    public required string Id { get; set; }

    public required string Type { get; set; }
}

[Route("/test/probe/{item_id}", "DELETE")]
public class DeleteProbe : IReturnVoid
{
    public required string ItemId { get; set; }
}

public class ProbeResponse
{
    public required string Echo { get; set; }

    public int Limit { get; set; }

    public int Offset { get; set; }

    public double Score { get; set; }

    public string? Caller { get; set; }

    public DateTimeOffset At { get; set; }

    public Dictionary<string, string> Details { get; set; } = [];
}

[Route("/test/fail/{kind}", "GET"), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(400, "kind=detail"), ErrorResponse(404, "kind=not-found"), ErrorResponse(429, "kind=custom")]
public class FailProbe : IReturn<ProbeResponse>
{
    public required string Kind { get; set; }
}

[Route("/test/secure", "GET"), Authenticate]
public class GetSecureProbe : IReturn<ProbeResponse>;

[Route("/test/admin-only", "GET"), RequiredRole(Roles.Admin)]
public class GetAdminProbe : IReturn<ProbeResponse>;

[Route("/test/maybe-user", "GET"), OptionalAuthentication]
public class GetOptionalProbe : IReturn<ProbeResponse>;

[Route("/test/limited", "POST"), RateLimit("2/minute")]
public class LimitedProbe : IReturn<ProbeResponse>
{
    public required string Name { get; set; }
}

[Route("/test/validated", "POST")]
public class ValidatedProbe : IReturn<ProbeResponse>
{
    public required string Email { get; set; }

    [MinLength(8)]
    public required string Password { get; set; }

    /// <summary>A field whose wire name is not its snake_case name.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("nick-name")]
    public string? NickName { get; set; }
}
