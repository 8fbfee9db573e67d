using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Security;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.ApiKeys;

/// <summary>
/// The per-user API-key vault (the User Management seed): one key per user and supported service, Fernet-encrypted
/// at rest, never returned. Missing fields get the seed's 400 messages; another user's key reads as not found.
/// Changes are audited without the key. Storing needs <c>OAUTH_ENCRYPTION_KEY</c>: keys are never kept in plaintext.
/// </summary>
public sealed class ApiKeyServices(ApiKeyQueries keys, SecretProtector protector, AuditLog audit) : Service
{
    public const string NotFound = "Not found";
    public const string Duplicate = "API key with this service name already exists";

    public async Task<List<ApiKeyInfo>> Get(ListApiKeys request) =>
        (await keys.ListAsync(Caller.UserId, Aborted)).Select(ToInfo).ToList();

    public async Task<List<string>> Get(ListApiKeyServices request) =>
        (await keys.ListAsync(Caller.UserId, Aborted)).Select(k => k.ServiceName).ToList();

    public async Task<ApiKeyInfo> Post(CreateApiKey request)
    {
        var (service, key) = Required(request.ServiceName, request.ApiKey);
        var row = await keys.CreateAsync(Caller.UserId, service, Encrypt(key), Optional(request.ServiceUserId), Aborted)
                  ?? throw HttpError.BadRequest(Duplicate);
        await AuditAsync(AuditActions.ApiKeyCreated, row);
        return ToInfo(row);
    }

    public async Task<ApiKeyInfo> Put(UpdateApiKey request)
    {
        var (service, key) = Required(request.ServiceName, request.ApiKey);
        var (outcome, row) = await keys.UpdateAsync(request.Id, Caller.UserId, service, Encrypt(key), Optional(request.ServiceUserId),
            Aborted);
        if (outcome == ApiKeyUpdate.Duplicate)
            throw HttpError.BadRequest(Duplicate);
        var updated = row ?? throw HttpError.NotFound(NotFound);
        await AuditAsync(AuditActions.ApiKeyUpdated, updated);
        return ToInfo(updated);
    }

    public async Task Delete(DeleteApiKey request)
    {
        var service = await keys.DeleteAsync(request.Id, Caller.UserId, Aborted) ?? throw HttpError.NotFound(NotFound);
        await audit.RecordAsync(Context,
            new AuditEntry(AuditActions.ApiKeyDeleted, Caller.UserId, "api_key",
                request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, object?> { ["service_name"] = service }));
    }

    public async Task<VerifyApiKeyResponse> Post(VerifyApiKey request)
    {
        var service = request.ServiceName?.Trim() is { Length: > 0 } name ? name : throw HttpError.BadRequest("Service name is required");
        _ = await keys.FindByServiceAsync(Caller.UserId, service, Aborted) ?? throw HttpError.NotFound(NotFound);
        return new VerifyApiKeyResponse { Status = "valid" };
    }

    /// <summary>The seed's checks in its order: service name, then key; then the service must be one we support.</summary>
    private static (string Service, string Key) Required(string? serviceName, string? apiKey)
    {
        var service = serviceName?.Trim() is { Length: > 0 } name ? name : throw HttpError.BadRequest("Service name is required");
        var key = apiKey is { Length: > 0 } && apiKey.Trim().Length > 0 ? apiKey : throw HttpError.BadRequest("API key is required");
        if (!ApiKeyServiceNames.Supported.Contains(service))
            throw HttpError.BadRequest($"Unsupported service '{service}'. Supported: {string.Join(", ", ApiKeyServiceNames.Supported)}");
        return (service, key);
    }

    private static string? Optional(string? value) => value?.Trim() is { Length: > 0 } text ? text : null;

    private string Encrypt(string key) =>
        protector.Encrypts
            ? protector.Protect(key)
            : throw HttpError.ServiceUnavailable("API keys cannot be stored: OAUTH_ENCRYPTION_KEY is not configured on the server");

    private Task AuditAsync(string action, ApiKeyRow row) =>
        audit.RecordAsync(Context,
            new AuditEntry(action, Caller.UserId, "api_key", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Dictionary<string, object?> { ["service_name"] = row.ServiceName, ["service_user_id"] = row.ServiceUserId }));

    private static ApiKeyInfo ToInfo(ApiKeyRow row) => new()
    {
        Id = row.Id, ServiceName = row.ServiceName, ServiceUserId = row.ServiceUserId, CreatedAt = row.CreatedAt, UpdatedAt = row.UpdatedAt,
    };

}
