using System.ComponentModel.DataAnnotations;
namespace Discogsography.ServiceModel;

/// <summary>The caller's stored credentials for external services (never the keys themselves).</summary>
[Route("/api/users/api-keys", "GET"), Tag(Tags.ApiKeys), Authenticate]
public class ListApiKeys : IReturn<List<ApiKeyInfo>>;

/// <summary>Stores a key for a service the caller has none for yet (one per service).</summary>
[Route("/api/users/api-keys", "POST"), Tag(Tags.ApiKeys), Authenticate, SuccessStatus(201)]
[ErrorResponse(400, "A key for this service is already stored")]
public class CreateApiKey : IReturn<ApiKeyInfo>
{
    /// <summary>One of <see cref="ApiKeyServiceNames.Supported"/>.</summary>
    public string? ServiceName { get; set; }

    /// <summary>The secret to keep (at most 4096 characters); encrypted at rest and never returned.</summary>
    [MaxLength(ApiKeyServiceNames.MaxKeyLength)]
    public string? ApiKey { get; set; }

    /// <summary>The caller's id or name on that service, when it needs one (at most 255 characters).</summary>
    [MaxLength(ApiKeyServiceNames.MaxServiceUserIdLength)]
    public string? ServiceUserId { get; set; }
}

/// <summary>Replaces a stored key (service, key and user id).</summary>
[Route("/api/users/api-keys/{id}", "PUT"), Tag(Tags.ApiKeys), Authenticate]
[ErrorResponse(400, "A key for this service is already stored")]
[ErrorResponse(404, "No such stored key")]
public class UpdateApiKey : IReturn<ApiKeyInfo>
{
    /// <summary>The stored key (its `id` in the list).</summary>
    public long Id { get; set; }

    /// <summary>The service the key is for.</summary>
    public string? ServiceName { get; set; }

    /// <summary>The new key; stored encrypted, never returned.</summary>
    [MaxLength(ApiKeyServiceNames.MaxKeyLength)]
    public string? ApiKey { get; set; }

    /// <summary>The account at that service, when it has one.</summary>
    [MaxLength(ApiKeyServiceNames.MaxServiceUserIdLength)]
    public string? ServiceUserId { get; set; }
}

/// <summary>Forgets a stored key.</summary>
[Route("/api/users/api-keys/{id}", "DELETE"), Tag(Tags.ApiKeys), Authenticate, SuccessStatus(204)]
[ErrorResponse(404, "No such stored key")]
public class DeleteApiKey : IReturnVoid
{
    /// <summary>The stored key (its `id` in the list).</summary>
    public long Id { get; set; }
}

/// <summary>Whether the caller has a key for a service: <c>{"status":"valid"}</c>, or 404.</summary>
[Route("/api/users/api-keys/verify", "POST"), Tag(Tags.ApiKeys), Authenticate]
[ErrorResponse(400, "No service or key given, or the service is not supported")]
[ErrorResponse(404, "No key stored for the service")]
public class VerifyApiKey : IReturn<VerifyApiKeyResponse>
{
    /// <summary>The service whose stored key to check.</summary>
    public string? ServiceName { get; set; }
}

public class VerifyApiKeyResponse
{
    /// <summary><c>valid</c>.</summary>
    [AllowedValues("valid")]
    public required string Status { get; set; }
}

/// <summary>The names of the services the caller has keys for.</summary>
[Route("/api/users/api-keys/services", "GET"), Tag(Tags.ApiKeys), Authenticate]
public class ListApiKeyServices : IReturn<List<string>>;

/// <summary>A stored key, without the key.</summary>
public class ApiKeyInfo
{
    /// <summary>The stored key's id.</summary>
    public long Id { get; set; }

    /// <summary>The service the key is for.</summary>
    public required string ServiceName { get; set; }

    /// <summary>The account at that service, when given.</summary>
    public string? ServiceUserId { get; set; }

    /// <summary>When it was stored.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was last replaced.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The services keys can be stored for (the User Management seed's list, plus Discogs personal tokens).</summary>
public static class ApiKeyServiceNames
{
    /// <summary>The longest key stored (keys of every supported service are far shorter).</summary>
    public const int MaxKeyLength = 4096;

    /// <summary>The <c>service_user_id</c> column's width.</summary>
    public const int MaxServiceUserIdLength = 255;

    /// <summary>A Discogs personal access token: syncs use it when the account has no OAuth connection.</summary>
    public const string Discogs = "discogs";

    public static readonly IReadOnlyList<string> Supported =
        ["spotify", "lastfm", "trakt_client_id", "trakt_client_secret", "steam", "psn", "xbox", "retroachievements", Discogs];
}
