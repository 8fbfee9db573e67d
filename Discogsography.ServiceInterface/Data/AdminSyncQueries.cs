using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>The filter and page of the admin job list.</summary>
public sealed record AdminSyncFilter(string? Status, Guid? UserId, string? Search, int Offset, int Limit,
    AdminSyncOrder OrderBy = AdminSyncOrder.StartedAt, bool Descending = true);

/// <summary>Sync jobs across accounts, with their owners' and requesters' emails, for administrators.</summary>
public sealed class AdminSyncQueries(NpgsqlDataSource database)
{
    private const string Select = """
        SELECT h.id::text AS sync_id, h.user_id, u.email, h.status, h.phase, h.items_synced, h.pages_fetched, h.items_removed,
               h.reconcile_skipped, h.attempts,
               h.error_message AS error, h.started_at, h.completed_at, h.heartbeat_at, h.claimed_by, h.cancel_requested, r.email AS requested_by
        FROM sync_history h JOIN users u ON u.id = h.user_id LEFT JOIN users r ON r.id = h.requested_by
        """;

    private const string Filter = """
        WHERE (@Status::text IS NULL OR h.status = @Status) AND (@UserId::uuid IS NULL OR h.user_id = @UserId)
          AND (@pattern::text IS NULL OR u.email ILIKE @pattern ESCAPE '\')
        """;

    /// <summary>One page of jobs in the filter's order (then newest first), and how many match.</summary>
    public async Task<(IReadOnlyList<AdminSyncJob> Syncs, int Total)> QueryAsync(AdminSyncFilter filter,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var args = new { filter.Status, filter.UserId, pattern = LikePatterns.Containing(filter.Search), filter.Limit, filter.Offset };
        var syncs = await connection.QueryAsync<AdminSyncJob>(new CommandDefinition(
            $"{Select} {Filter} ORDER BY {OrderBy(filter.OrderBy, filter.Descending)}, h.id LIMIT @Limit OFFSET @Offset", args,
            cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*)::int FROM sync_history h JOIN users u ON u.id = h.user_id {Filter}", args,
            cancellationToken: cancellationToken));
        return (syncs.AsList(), total);
    }

    public async Task<AdminSyncJob?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AdminSyncJob>(new CommandDefinition($"{Select} WHERE h.id = @id", new { id },
            cancellationToken: cancellationToken));
    }

    /// <summary>Jobs started since <paramref name="since"/>, counted per status.</summary>
    public async Task<IReadOnlyList<StatusCount>> CountsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StatusCount>(new CommandDefinition("""
            SELECT status, count(*)::int AS count FROM sync_history WHERE started_at >= @since GROUP BY status ORDER BY status
            """, new { since }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Ties newest first; jobs still running sort last by end time.</summary>
    private static string OrderBy(AdminSyncOrder order, bool descending)
    {
        var direction = descending ? "DESC" : "ASC";
        return order switch
        {
            AdminSyncOrder.CompletedAt => $"h.completed_at {direction} NULLS LAST, h.started_at DESC",
            AdminSyncOrder.Status => $"h.status {direction}, h.started_at DESC",
            AdminSyncOrder.Email => $"u.email COLLATE \"C\" {direction}, h.started_at DESC",
            _ => $"h.started_at {direction}",
        };
    }
}
