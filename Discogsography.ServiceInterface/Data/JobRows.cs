using Dapper;
using Discogsography.ServiceInterface.Jobs;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>
/// The statements every job table (<c>sync_history</c>, <c>import_jobs</c>) shares, fenced by <c>claimed_by</c> so
/// only the worker holding a job can touch it. The table and column names are the callers' constants, never input.
/// </summary>
internal static class JobRows
{
    /// <summary>Renews the claim; says whether it is still held and whether a cancel was asked for.</summary>
    public static async Task<LeaseState> HeartbeatAsync(NpgsqlDataSource database, string table, Guid id, string instance,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var cancel = await connection.ExecuteScalarAsync<bool?>(new CommandDefinition($"""
            UPDATE {table} SET heartbeat_at = NOW() WHERE id = @id AND claimed_by = @instance AND status = 'running' RETURNING cancel_requested
            """, new { id, instance }, cancellationToken: cancellationToken));
        return cancel switch
        {
            null => LeaseState.Lost,
            true => LeaseState.CancelRequested,
            false => LeaseState.Held,
        };
    }

    /// <summary>Gives a job back to the queue (the host is stopping); the attempt does not count against it.</summary>
    public static async Task ReleaseAsync(NpgsqlDataSource database, string table, Guid id, string instance,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE {table} SET status = 'pending', claimed_by = NULL, heartbeat_at = NULL, attempts = GREATEST(attempts - 1, 0)
            WHERE id = @id AND claimed_by = @instance AND status = 'running'
            """, new { id, instance }, cancellationToken: cancellationToken));
    }

    /// <summary>Cancels a job: a pending one at once, a running one when its worker next sees <c>cancel_requested</c>.</summary>
    public static async Task RequestCancelAsync(NpgsqlDataSource database, string table, string errorColumn, Guid id,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE {table}
            SET status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END,
                completed_at = CASE WHEN status = 'pending' THEN NOW() ELSE completed_at END,
                {errorColumn} = CASE WHEN status = 'pending' THEN @message ELSE {errorColumn} END,
                cancel_requested = TRUE
            WHERE id = @id AND status IN ('pending', 'running')
            """, new { id, message = JobEnd.CancelledMessage }, cancellationToken: cancellationToken));
    }
}
