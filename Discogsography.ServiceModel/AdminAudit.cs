using System.Text.Json.Nodes;

namespace Discogsography.ServiceModel;

/// <summary>The columns the audit log sorts by.</summary>
public enum AuditOrder
{
    CreatedAt,
    Action,
    Email,
}

/// <summary>The audit log, filtered by user, action and time, sorted (newest first by default) and paged on the server.</summary>
[Route("/api/admin/audit", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class QueryAuditLog() : SortedPagedQuery<AuditOrder>(AuditOrder.CreatedAt, 50), IReturn<QueryAuditLogResponse>
{
    /// <summary>Only entries of this acting user.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Part of the acting user's email.</summary>
    public string? Search { get; set; }

    /// <summary>An exact action, e.g. <c>login</c> or <c>admin_user_deactivated</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Entries at or after this time.</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Entries before this time.</summary>
    public DateTimeOffset? To { get; set; }
}

public class QueryAuditLogResponse : PagedResponse
{
    /// <summary>This page of entries.</summary>
    public required List<AuditEntryInfo> Entries { get; set; }
}

public class AuditEntryInfo
{
    public long Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The acting user's email (null once the account is deleted).</summary>
    public string? Email { get; set; }

    public required string Action { get; set; }

    public string? ResourceType { get; set; }

    public string? ResourceId { get; set; }

    /// <summary>What happened, never with a password, token or key.</summary>
    public required JsonObject Details { get; set; }

    public string? Ip { get; set; }

    public string? UserAgent { get; set; }
}

/// <summary>The actions the audit log holds, for the filter list.</summary>
[Route("/api/admin/audit/actions", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class ListAuditActions : IReturn<List<string>>;
