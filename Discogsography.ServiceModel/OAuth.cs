using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel;

/// <summary>Starts the Discogs out-of-band OAuth flow: open <c>authorize_url</c>, then send the code to verify.</summary>
[Route("/api/oauth/authorize/discogs", "GET"), Tag(Tags.OAuth), Authenticate]
[RateLimit("10/minute"), RateLimit("5/minute", Per = RateLimitScope.User)]
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
public class VerifyDiscogs : IReturn<VerifyDiscogsResponse>
{
    public required string State { get; set; }

    public required string OauthVerifier { get; set; }
}

public class VerifyDiscogsResponse
{
    public bool Connected { get; set; }

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
    public bool Connected { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DiscogsUsername { get; set; }

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
    public bool Revoked { get; set; }
}
