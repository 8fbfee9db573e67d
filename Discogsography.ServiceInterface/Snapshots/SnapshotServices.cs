using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Storage;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Serialization;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Snapshots;

/// <summary>
/// Snapshots (REFERENCE-API.md §10): saved as compact JSON under <c>snapshot:&lt;token&gt;</c> for
/// <c>SNAPSHOT_TTL_DAYS</c>; restored without auth. A token that is not 16 url-safe characters, a missing key and a
/// stored document that no longer reads as a snapshot are all "not found".
/// </summary>
public sealed partial class SnapshotServices(IKeyValueStore store, SnapshotSettings settings, TimeProvider time,
    ILogger<SnapshotServices> logger) : Service
{
    public const string NotFound = "Snapshot not found or expired";

    public async Task<CreateSnapshotResponse> Post(CreateSnapshot request)
    {
        if (request.Nodes.Count > settings.MaxNodes)
            throw HttpError.UnprocessableEntity($"Too many nodes: maximum is {settings.MaxNodes}");
        var token = NewToken();
        var createdAt = time.GetUtcNow();
        var ttl = TimeSpan.FromDays(settings.TtlDays);
        var document = new StoredSnapshot
        {
            Nodes = request.Nodes.Select(n => new SnapshotNode { Id = n.Id, Type = n.Type }).ToList(),
            Center = new SnapshotNode { Id = request.Center.Id, Type = request.Center.Type },
            CreatedAt = createdAt,
        };
        await store.SetAsync(RedisKeys.Snapshot(token), JsonSerializer.Serialize(document, WireJson.Options), ttl, Aborted);
        return new CreateSnapshotResponse { Token = token, Url = $"/snapshot/{token}", ExpiresAt = createdAt + ttl };
    }

    public async Task<GetSnapshotResponse> Get(GetSnapshot request)
    {
        if (!TokenShape().IsMatch(request.Token))
            throw HttpError.NotFound(NotFound);
        var stored = await store.GetAsync(RedisKeys.Snapshot(request.Token), Aborted) ?? throw HttpError.NotFound(NotFound);
        var snapshot = Read(stored) ?? throw HttpError.NotFound(NotFound);
        return new GetSnapshotResponse { Nodes = snapshot.Nodes, Center = snapshot.Center, CreatedAt = snapshot.CreatedAt };
    }

    /// <summary>12 bytes from the CSPRNG as base64url without padding: 16 characters of <c>[A-Za-z0-9_-]</c>.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');

    private StoredSnapshot? Read(string stored)
    {
        try
        {
            var snapshot = JsonSerializer.Deserialize<StoredSnapshot>(stored, WireJson.Options);
            if (snapshot is { Nodes: not null, Center: not null } && snapshot.Nodes.All(n => n is { Id: not null, Type: not null }))
                return snapshot;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
        }
        LogUnreadable(logger);
        return null;
    }

    /// <summary>The stored document: <c>{"nodes":[...],"center":{...},"created_at":"..."}</c>.</summary>
    private sealed class StoredSnapshot
    {
        public List<SnapshotNode> Nodes { get; init; } = null!;

        public SnapshotNode Center { get; init; } = null!;

        public DateTimeOffset CreatedAt { get; init; }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{16}$")]
    private static partial Regex TokenShape();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored snapshot could not be read as a snapshot; answered as not found")]
    private static partial void LogUnreadable(ILogger logger);
}
