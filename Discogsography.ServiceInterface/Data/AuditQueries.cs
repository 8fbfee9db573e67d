using System.Text.Json.Nodes;
using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>The filter and page of the audit log.</summary>
public sealed record AuditFilter(Guid? UserId, string? Search, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Offset,
    int Limit,
    AuditOrder OrderBy = AuditOrder.CreatedAt, bool Descending = true);

/// <summary>Reads <c>audit_log</c> for administrators, newest first, with the acting user's email.</summary>
public sealed class AuditQueries(NpgsqlDataSource database)
{
    private const string Filter = """
        WHERE (@UserId::uuid IS NULL OR a.user_id = @UserId) AND (@Action::text IS NULL OR a.action = @Action)
          AND (@From::timestamptz IS NULL OR a.created_at >= @From) AND (@To::timestamptz IS NULL OR a.created_at < @To)
          AND (@pattern::text IS NULL OR u.email ILIKE @pattern ESCAPE '\')
        """;

    /// <summary>One page of entries and how many match.</summary>
    public async Task<(IReadOnlyList<AuditEntryInfo> Entries, int Total)> QueryAsync(AuditFilter filter,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var args = new { filter.UserId, filter.Action, filter.From, filter.To, pattern = LikePatterns.Containing(filter.Search),
            filter.Limit, filter.Offset };
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition($"""
            SELECT a.id, a.created_at, a.user_id, u.email, a.action, a.resource_type, a.resource_id, a.details::text AS details, a.ip, a.user_agent
            FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
            {Filter}
            ORDER BY {OrderBy(filter.OrderBy, filter.Descending)} LIMIT @Limit OFFSET @Offset
            """, args, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*)::int FROM audit_log a LEFT JOIN users u ON u.id = a.user_id {Filter}", args,
            cancellationToken: cancellationToken));
        return (rows.Select(ToInfo).ToList(), total);
    }

    /// <summary>Every action recorded, alphabetically.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT action FROM audit_log ORDER BY action", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Ties newest first; entries without an account (failed logins, deleted users) sort last by email.</summary>
    private static string OrderBy(AuditOrder order, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        return order switch
        {
            AuditOrder.Action => $"a.action COLLATE \"C\" {direction}, a.created_at DESC, a.id DESC",
            AuditOrder.Email => $"u.email COLLATE \"C\" {direction} NULLS LAST, a.created_at DESC, a.id DESC",
            _ => $"a.created_at {direction}, a.id {direction}",
        };
    }

    private static AuditEntryInfo ToInfo(AuditRow row) => new()
    {
        Id = row.Id, CreatedAt = row.CreatedAt, UserId = row.UserId, Email = row.Email, Action = row.Action,
            ResourceType = row.ResourceType,
        ResourceId = row.ResourceId, Details = JsonNode.Parse(row.Details) as JsonObject ?? [], Ip = row.Ip, UserAgent = row.UserAgent,
    };

    private sealed record AuditRow
    {
        public long Id { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public Guid? UserId { get; init; }
        public string? Email { get; init; }
        public string Action { get; init; } = "";
        public string? ResourceType { get; init; }
        public string? ResourceId { get; init; }
        public string Details { get; init; } = "{}";
        public string? Ip { get; init; }
        public string? UserAgent { get; init; }
    }
}
