using System.ComponentModel.DataAnnotations;

namespace Discogsography.ServiceModel;

/// <summary>What an app token may do; each route that accepts app tokens names the one it needs.</summary>
public static class AppTokenScopes
{
    /// <summary>Read the collection, its statistics and the wantlist.</summary>
    public const string CollectionRead = "collection:read";

    /// <summary>Save graph snapshots.</summary>
    public const string SnapshotsWrite = "snapshots:write";

    /// <summary>Start a Discogs sync and read its status.</summary>
    public const string SyncTrigger = "sync:trigger";

    public static readonly IReadOnlyList<string> All = [CollectionRead, SnapshotsWrite, SyncTrigger];
}

/// <summary>
/// Mints a personal app token for scripts and other apps (REFERENCE-UPSTREAM.md §B.6.2): <c>dscg_…</c>, shown only in
/// this answer, stored as its SHA-256. It works on the routes of its scopes until revoked, the password changes, or the
/// account is deactivated; 60 requests a minute and 600 an hour per token.
/// </summary>
[Route("/api/user/app-tokens", "POST"), Tag(Tags.User), Authenticate(MissingCredentialsMessage = "Authentication required"),
    SuccessStatus(201)]
[ErrorResponse(400, "An unknown scope, or a blank name")]
public class CreateAppToken : IReturn<CreatedAppToken>
{
    /// <summary>What the token is for; trimmed.</summary>
    [MinLength(1), MaxLength(255), Example("Collection export script")]
    public required string Name { get; set; }

    /// <summary>At least one of <c>collection:read</c>, <c>snapshots:write</c>, <c>sync:trigger</c>.</summary>
    [MinLength(1), Example(new[] { AppTokenScopes.CollectionRead })]
    public required List<string> Scopes { get; set; }
}

/// <summary>The new token: keep <c>token</c>, it cannot be shown again.</summary>
public class CreatedAppToken
{
    /// <summary>The token's id, for revoking it.</summary>
    public Guid Id { get; set; }

    /// <summary>The name, trimmed.</summary>
    public required string Name { get; set; }

    /// <summary>The scopes as sent.</summary>
    public required List<string> Scopes { get; set; }

    /// <summary>The bearer credential: <c>Authorization: Bearer dscg_…</c>.</summary>
    public required string Token { get; set; }

    /// <summary>When it was minted.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The caller's app tokens, newest first, without their secrets (REFERENCE-UPSTREAM.md §B.6.3).</summary>
[Route("/api/user/app-tokens", "GET"), Tag(Tags.User), Authenticate(MissingCredentialsMessage = "Authentication required")]
public class ListAppTokens : IReturn<AppTokenList>;

/// <summary>Working tokens and revoked ones.</summary>
public class AppTokenList
{
    /// <summary>Tokens that work, newest first.</summary>
    public required List<AppTokenSummary> Active { get; set; }

    /// <summary>Revoked tokens, newest first.</summary>
    public required List<RevokedAppToken> Revoked { get; set; }
}

/// <summary>A working app token.</summary>
public class AppTokenSummary
{
    /// <summary>The token's id, for revoking it.</summary>
    public Guid Id { get; set; }

    /// <summary>What it is for.</summary>
    public required string Name { get; set; }

    /// <summary>What it may do.</summary>
    public required List<string> Scopes { get; set; }

    /// <summary>When it was minted.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it last authenticated a request (to the minute), null when never.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>A revoked app token.</summary>
public class RevokedAppToken
{
    /// <summary>The token's id.</summary>
    public Guid Id { get; set; }

    /// <summary>What it was for.</summary>
    public required string Name { get; set; }

    /// <summary>When it was revoked.</summary>
    public DateTimeOffset RevokedAt { get; set; }
}

/// <summary>
/// Revokes one of the caller's app tokens (REFERENCE-UPSTREAM.md §B.6.4). An unknown, foreign, already revoked or
/// malformed id is the same 404.
/// </summary>
[Route("/api/user/app-tokens/{token_id}", "DELETE"), Tag(Tags.User), Authenticate(MissingCredentialsMessage = "Authentication required"),
    SuccessStatus(204)]
[ErrorResponse(404, "No working app token of yours with this id")]
public class RevokeAppToken : IReturnVoid
{
    /// <summary>The app token (its `id` in the list).</summary>
    public required string TokenId { get; set; }
}
