using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>The filter and page of the admin user list.</summary>
public sealed record AdminUserFilter(string? Search, bool? Active, bool? Admin, AdminUserOrder OrderBy, bool Descending, int Offset,
    int Limit);

/// <summary>What an admin's change to an account did.</summary>
public enum AdminUserChange
{
    Updated,
    NotFound,

    /// <summary>Refused: it would leave no active administrator.</summary>
    LastAdmin,
}

/// <summary>
/// The accounts as administrators see them (users joined with their sessions, Discogs connection and latest sync),
/// and the changes administrators make. At least one active administrator always remains.
/// </summary>
public sealed class AdminUserQueries(NpgsqlDataSource database)
{
    private const string Summary = """
        SELECT u.id, u.email, u.is_active, u.is_admin, u.created_at, s.last_seen_at, COALESCE(s.active_sessions, 0)::int AS active_sessions,
               o.provider_username AS discogs_username, h.status AS last_sync_status, h.started_at AS last_sync_at
        FROM users u
        LEFT JOIN LATERAL (SELECT max(last_used_at) AS last_seen_at,
                                  count(*) FILTER (WHERE ended_at IS NULL AND expires_at > NOW()) AS active_sessions
                           FROM auth_sessions WHERE user_id = u.id) s ON TRUE
        LEFT JOIN oauth_tokens o ON o.user_id = u.id AND o.provider = 'discogs'
        LEFT JOIN LATERAL (SELECT status, started_at FROM sync_history WHERE user_id = u.id ORDER BY started_at DESC LIMIT 1) h ON TRUE
        """;

    private const string Filter = """
        WHERE (@pattern::text IS NULL OR u.email ILIKE @pattern ESCAPE '\') AND (@active::boolean IS NULL OR u.is_active = @active)
          AND (@admin::boolean IS NULL OR u.is_admin = @admin)
        """;

    /// <summary>All accounts, the active ones, the administrators, and the Discogs connections.</summary>
    public async Task<(UserCounts Users, int DiscogsConnections)> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var users = await connection.QuerySingleAsync<UserCounts>(new CommandDefinition("""
            SELECT count(*)::int AS total, count(*) FILTER (WHERE is_active)::int AS active, count(*) FILTER (WHERE is_admin AND is_active)::int AS admins
            FROM users
            """, cancellationToken: cancellationToken));
        var discogs = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*)::int FROM oauth_tokens WHERE provider = 'discogs'", cancellationToken: cancellationToken));
        return (users, discogs);
    }

    /// <summary>One page of accounts and how many match.</summary>
    public async Task<(IReadOnlyList<AdminUserSummary> Users, int Total)> QueryAsync(AdminUserFilter filter,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var args = new { pattern = LikePatterns.Containing(filter.Search), filter.Active, filter.Admin, filter.Limit, filter.Offset };
        var users = await connection.QueryAsync<AdminUserSummary>(new CommandDefinition(
            $"{Summary} {Filter} ORDER BY {OrderBy(filter.OrderBy, filter.Descending)}, u.id LIMIT @Limit OFFSET @Offset", args,
            cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*)::int FROM users u {Filter}", args,
            cancellationToken: cancellationToken));
        return (users.AsList(), total);
    }

    public async Task<AdminUserSummary?> SummaryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AdminUserSummary>(new CommandDefinition(
            $"{Summary} WHERE u.id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The account's sessions that have neither ended nor expired, most recently used first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ActiveSessionsAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SessionSummary>(new CommandDefinition("""
            SELECT id, created_at, last_used_at, expires_at, ip, user_agent FROM auth_sessions
            WHERE user_id = @userId AND ended_at IS NULL AND expires_at > NOW() ORDER BY last_used_at DESC
            """, new { userId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Sets the account's flags in one transaction that first locks the active administrators, so two admins demoting
    /// each other at once cannot leave none.
    /// </summary>
    public async Task<AdminUserChange> UpdateAsync(Guid id, bool? isActive, bool? isAdmin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var admins = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM users WHERE is_admin AND is_active ORDER BY id FOR UPDATE", transaction: transaction,
            cancellationToken: cancellationToken))).AsList();
        var losesAdmin = admins.Contains(id) && (isActive == false || isAdmin == false);
        if (losesAdmin && admins.Count == 1)
            return AdminUserChange.LastAdmin;
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET is_active = COALESCE(@isActive, is_active), is_admin = COALESCE(@isAdmin, is_admin), updated_at = NOW() WHERE id = @id
            """, new { id, isActive, isAdmin }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return changed == 1 ? AdminUserChange.Updated : AdminUserChange.NotFound;
    }

    private static string OrderBy(AdminUserOrder order, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        return order switch
        {
            AdminUserOrder.Email => $"u.email COLLATE \"C\" {direction}",
            AdminUserOrder.LastSeenAt => $"s.last_seen_at {direction} NULLS LAST",
            _ => $"u.created_at {direction}",
        };
    }
}
