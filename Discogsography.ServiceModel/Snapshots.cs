using System.ComponentModel.DataAnnotations;

namespace Discogsography.ServiceModel;

/// <summary>Saves the graph on screen (its nodes and centre) for 28 days under a short, unguessable token.</summary>
[Route("/api/snapshot", "POST"), Tag(Tags.Snapshot), Authenticate, ErrorBody(ErrorBodyStyle.Error), SuccessStatus(201)]
[AppTokenScope(AppTokenScopes.SnapshotsWrite), RateLimit("60/minute", Per = RateLimitScope.AppToken),
    RateLimit("600/hour", Per = RateLimitScope.AppToken)]
[RateLimit("20/hour", Per = RateLimitScope.User)]
public class CreateSnapshot : IReturn<CreateSnapshotResponse>
{
    /// <summary>At least one node, at most <c>SNAPSHOT_MAX_NODES</c> (100).</summary>
    public required List<SnapshotNode> Nodes { get; set; }

    public required SnapshotNode Center { get; set; }
}

/// <summary>A node of the explore graph: its id and type as the explore endpoints return them.</summary>
public class SnapshotNode
{
    /// <summary>The longest id or type kept (catalogue names and ids are far shorter).</summary>
    public const int MaxLength = 256;

    [MaxLength(MaxLength)]
    public required string Id { get; set; }

    [MaxLength(MaxLength)]
    public required string Type { get; set; }
}

public class CreateSnapshotResponse
{
    /// <summary>16 url-safe characters.</summary>
    public required string Token { get; set; }

    /// <summary>The frontend path that restores it: <c>/snapshot/&lt;token&gt;</c>.</summary>
    public required string Url { get; set; }

    /// <summary>When the snapshot is deleted.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>Restores a saved snapshot (no sign-in needed: the token is the secret).</summary>
[Route("/api/snapshot/{token}", "GET"), Tag(Tags.Snapshot), ErrorBody(ErrorBodyStyle.Error)]
[ErrorResponse(404, "No such snapshot, or it expired")]
public class GetSnapshot : IReturn<GetSnapshotResponse>
{
    /// <summary>The token `POST /api/snapshot` returned.</summary>
    public required string Token { get; set; }
}

public class GetSnapshotResponse
{
    /// <summary>The saved nodes.</summary>
    public required List<SnapshotNode> Nodes { get; set; }

    public required SnapshotNode Center { get; set; }

    /// <summary>When it was saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
