using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Discogsography.ServiceInterface.Infrastructure;
using Npgsql;

namespace Discogsography.ServiceInterface.Audit;

/// <summary>One audit entry: who (user), did what (action), to what (resource), with what details.</summary>
public sealed record AuditEntry(
    string Action,
    Guid? UserId = null,
    string? ResourceType = null,
    string? ResourceId = null,
    IReadOnlyDictionary<string, object?>? Details = null);

/// <summary>
/// Writes <c>audit_log</c>. Details are stored as JSON; any detail whose name looks like a credential
/// (password, token, secret, key) is replaced by <c>[redacted]</c>, so the log can never hold one.
/// </summary>
public sealed partial class AuditLog(NpgsqlDataSource database)
{
    private const string Redacted = "[redacted]";

    /// <summary>Records <paramref name="entry"/> with the client address and user agent of the current request.</summary>
    public Task RecordAsync(ServiceContext context, AuditEntry entry) =>
        RecordAsync(entry, context.ClientIp, context.UserAgent, context.CancellationToken);

    /// <summary>Records <paramref name="entry"/> (for work outside a request, such as CLI verbs and jobs).</summary>
    public async Task RecordAsync(AuditEntry entry, string? ip, string? userAgent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A valid token can outlive its account (or come from the reference's database); the entry is still
        // recorded, without the user link the foreign key would refuse.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_log (user_id, action, resource_type, resource_id, details, ip, user_agent)
            VALUES ((SELECT id FROM users WHERE id = @UserId), @Action, @ResourceType, @ResourceId, @details::jsonb, @ip, @userAgent)
            """,
            new { entry.UserId, entry.Action, entry.ResourceType, entry.ResourceId, details = DetailsJson(entry.Details), ip, userAgent },
            cancellationToken: cancellationToken));
    }

    /// <summary>Deletes entries older than <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM audit_log WHERE created_at < @before", new { before }, cancellationToken: cancellationToken));
    }

    /// <summary>The details as JSON with credential-like members redacted.</summary>
    public static string DetailsJson(IReadOnlyDictionary<string, object?>? details) =>
        JsonSerializer.Serialize(
            details?.ToDictionary(d => d.Key, d => CredentialName().IsMatch(d.Key) ? Redacted : d.Value) ?? [],
            ServiceModel.Serialization.WireJson.Options);

    [GeneratedRegex("password|token|secret|api_?key|verifier", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialName();
}
