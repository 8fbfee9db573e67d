using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel;

/// <summary>Starts the Discogs out-of-band OAuth flow: open <c>authorize_url</c>, then send the code to verify.</summary>
[Route("/api/oauth/authorize/discogs", "GET"), Tag(Tags.OAuth), Authenticate]
[RateLimit("10/minute"), RateLimit("5/minute", Per = RateLimitScope.User)]
[ErrorResponse(502, "Discogs refused or could not be reached")]
public class AuthorizeDiscogs : IReturn<AuthorizeDiscogsResponse>;

public class AuthorizeDiscogsResponse
{
    /// <summary>The Discogs page where the user approves the app and is shown a verifier code.</summary>
    public required string AuthorizeUrl { get; set; }

    /// <summary>The request token; send it back with the verifier.</summary>
    public required string State { get; set; }

    /// <summary>Seconds the state stays valid (600).</summary>
    public int ExpiresIn { get; set; }
}

/// <summary>Completes the flow with the code Discogs showed the user.</summary>
[Route("/api/oauth/verify/discogs", "POST"), Tag(Tags.OAuth), Authenticate]
[ErrorResponse(400, "The state is unknown or expired, or Discogs refused the verifier")]
[ErrorResponse(502, "Discogs could not be reached")]
public class VerifyDiscogs : IReturn<VerifyDiscogsResponse>
{
    /// <summary>The `state` that `/api/oauth/authorize/discogs` returned.</summary>
    public required string State { get; set; }

    /// <summary>The code Discogs showed after the user allowed access.</summary>
    public required string OauthVerifier { get; set; }
}

public class VerifyDiscogsResponse
{
    /// <summary>Always true.</summary>
    public bool Connected { get; set; }

    /// <summary>The Discogs username now connected.</summary>
    public required string DiscogsUsername { get; set; }

    /// <summary>The Discogs user id, as a string.</summary>
    public required string DiscogsUserId { get; set; }
}

/// <summary>Whether the caller has connected a Discogs account.</summary>
[Route("/api/oauth/status/discogs", "GET"), Tag(Tags.OAuth), Authenticate]
public class GetDiscogsStatus : IReturn<DiscogsStatusResponse>;

/// <summary><c>{"connected": false}</c>, or the connection's details.</summary>
public class DiscogsStatusResponse
{
    /// <summary>Whether the caller has a Discogs connection.</summary>
    public bool Connected { get; set; }

    /// <summary>The Discogs username, when connected.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DiscogsUsername { get; set; }

    /// <summary>The Discogs user id, when connected.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DiscogsUserId { get; set; }

    /// <summary>When the connection was made or last renewed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ConnectedAt { get; set; }
}

/// <summary>Forgets the caller's Discogs tokens (Discogs is not contacted; synced data stays).</summary>
[Route("/api/oauth/revoke/discogs", "DELETE"), Tag(Tags.OAuth), Authenticate]
public class RevokeDiscogs : IReturn<RevokeDiscogsResponse>;

public class RevokeDiscogsResponse
{
    /// <summary>Whether a connection was removed.</summary>
    public bool Revoked { get; set; }
}
