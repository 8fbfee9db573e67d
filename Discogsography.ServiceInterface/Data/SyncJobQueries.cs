using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>A row of <c>sync_history</c> as owners and administrators see it.</summary>
public sealed record SyncJobRow
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public string SyncType { get; init; } = "full";
    public string Status { get; init; } = "";
    public int? ItemsSynced { get; init; }
    public int? PagesFetched { get; init; }
    public int CollectionSynced { get; init; }
    public int WantlistSynced { get; init; }
    public int ItemsRemoved { get; init; }
    public string? Phase { get; init; }
    public int Attempts { get; init; }
    public string? ErrorMessage { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? HeartbeatAt { get; init; }
    public string? ClaimedBy { get; init; }
    public bool CancelRequested { get; init; }
    public Guid? RequestedBy { get; init; }
}

/// <summary>A job a worker has just claimed: where it stood when it was claimed.</summary>
public sealed record ClaimedSyncJob
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public int Attempts { get; init; }
    public string? Phase { get; init; }
    public int CollectionSynced { get; init; }
    public int WantlistSynced { get; init; }
    public int ItemsRemoved { get; init; }
    public int PagesFetched { get; init; }
    public string[] ReconcileSkipped { get; init; } = [];
}

/// <summary>
/// <c>sync_history</c> as a job queue (ARCHITECTURE.md §5): enqueue at most one active job per user, claim with
/// <c>FOR UPDATE SKIP LOCKED</c>, heartbeat, release on shutdown, finish. Every write by a worker is fenced by
/// <c>claimed_by</c>, so a worker that lost its claim cannot overwrite the new owner's progress.
/// </summary>
public sealed class SyncJobQueries(NpgsqlDataSource database)
{
    private const string Columns = """
        id, user_id, sync_type, status, items_synced, pages_fetched, collection_synced, wantlist_synced, items_removed, phase,
        attempts, error_message, started_at, completed_at, heartbeat_at, claimed_by, cancel_requested, requested_by
        """;

    /// <summary>The user's pending or running job, if any.</summary>
    public async Task<SyncJobRow?> FindActiveAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SyncJobRow>(new CommandDefinition($"""
            SELECT {Columns} FROM sync_history WHERE user_id = @userId AND status IN ('pending', 'running')
            """, new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Queues a full sync unless one is active (the unique index decides races); returns the job and whether it is new.</summary>
    public async Task<(Guid Id, bool Created)> EnqueueAsync(Guid userId, Guid? requestedBy, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            var created = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition("""
                INSERT INTO sync_history (user_id, sync_type, status, requested_by) VALUES (@userId, 'full', 'pending', @requestedBy)
                ON CONFLICT (user_id) WHERE status IN ('pending', 'running') DO NOTHING
                RETURNING id
                """, new { userId, requestedBy }, cancellationToken: cancellationToken));
            if (created is { } id)
                return (id, true);
            if (await FindActiveAsync(userId, cancellationToken) is { } active)
                return (active.Id, false);
            if (attempt == 2)
                throw new InvalidOperationException("Could not queue a sync: the active job kept changing.");
        }
    }

    /// <summary>The user's most recent jobs, newest first.</summary>
    public async Task<IReadOnlyList<SyncJobRow>> RecentAsync(Guid userId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SyncJobRow>(new CommandDefinition($"""
            SELECT {Columns} FROM sync_history WHERE user_id = @userId ORDER BY started_at DESC, id LIMIT @limit
            """, new { userId, limit }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>One job by id.</summary>
    public async Task<SyncJobRow?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SyncJobRow>(new CommandDefinition(
            $"SELECT {Columns} FROM sync_history WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Claims the oldest pending job, or a running one whose worker stopped heartbeating for <paramref name="staleAfter"/>
    /// (rows the reference left running have no heartbeat: their start time counts). Other instances skip the locked row.
    /// </summary>
    public async Task<ClaimedSyncJob?> ClaimAsync(string instance, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ClaimedSyncJob>(new CommandDefinition("""
            UPDATE sync_history s
            SET status = 'running', claimed_by = @instance, heartbeat_at = NOW(), attempts = s.attempts + 1
            FROM (SELECT id FROM sync_history
                  WHERE status = 'pending'
                     OR (status = 'running' AND COALESCE(heartbeat_at, started_at) < NOW() - make_interval(secs => @staleSeconds))
                  ORDER BY started_at, id
                  LIMIT 1
                  FOR UPDATE SKIP LOCKED) next
            WHERE s.id = next.id
            RETURNING s.id, s.user_id, s.attempts, s.phase, s.collection_synced, s.wantlist_synced, s.items_removed, COALESCE(s.pages_fetched, 0) AS pages_fetched,
                      s.reconcile_skipped
            """, new { instance, staleSeconds = staleAfter.TotalSeconds }, cancellationToken: cancellationToken));
    }

    /// <summary>Gives a job back to the queue (the host is stopping); the attempt does not count against it.</summary>
    public Task ReleaseAsync(Guid id, string instance, CancellationToken cancellationToken) =>
        JobRows.ReleaseAsync(database, "sync_history", id, instance, cancellationToken);

    /// <summary>Ends a job the worker holds: completed, failed or cancelled, with the counts it reached.</summary>
    public async Task<bool> FinishAsync(Guid id, string instance, string status, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE sync_history
            SET status = @status, error_message = @error, completed_at = NOW(), heartbeat_at = NULL,
                items_synced = collection_synced + wantlist_synced, pages_fetched = COALESCE(pages_fetched, 0)
            WHERE id = @id AND claimed_by = @instance AND status = 'running'
            """, new { id, instance, status, error }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// Cancels a job: a pending one at once, a running one at its worker's next page or heartbeat. Returns the job
    /// as it is now, or null when there is no such job.
    /// </summary>
    public async Task<SyncJobRow?> RequestCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await JobRows.RequestCancelAsync(database, "sync_history", "error_message", id, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>The wire form of a row for its owner.</summary>
    public static SyncSummary ToSummary(SyncJobRow row) => new()
    {
        SyncId = row.Id.ToString(),
        SyncType = row.SyncType,
        Status = row.Status,
        ItemsSynced = row.ItemsSynced,
        PagesFetched = row.PagesFetched,
        Error = row.ErrorMessage,
        StartedAt = row.StartedAt,
        CompletedAt = row.CompletedAt,
    };
}
