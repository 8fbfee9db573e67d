using System.Text.Json;
using Dapper;
using Discogsography.ServiceInterface.Jobs;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>
/// Where a running sync stands, written with every page so the job's row shows live progress: the list being read
/// (<c>collection</c>, <c>wantlist</c> or <c>done</c>), items written per list, pages fetched, items removed and the
/// lists it did not prune because they changed while they were read.
/// </summary>
public sealed record SyncCounts(string Phase, int CollectionSynced, int WantlistSynced, int PagesFetched, int ItemsRemoved,
    string[] ReconcileSkipped);

/// <summary>A collection row to upsert (REFERENCE-API.md §7.2).</summary>
public sealed record CollectionRow(long ReleaseId, long? InstanceId, int? FolderId, string? Title, string? Artist, int? Year,
    string? Format, string? Label, int Rating, DateTimeOffset? DateAdded);

/// <summary>A wantlist row to upsert (REFERENCE-API.md §7.3).</summary>
public sealed record WantlistRow(long ReleaseId, string? Title, string? Artist, int? Year, string? Format, int Rating, string? Notes,
    DateTimeOffset? DateAdded);

/// <summary>
/// Writes what a sync reads: each page in one transaction together with the job's progress, and, once a list was
/// read to its end, the removal of the items that list no longer has. Every transaction first locks the job row
/// and checks this worker still holds it, so a worker that lost its claim writes nothing.
/// </summary>
public sealed class CollectionSyncWriter(NpgsqlDataSource database)
{
    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Upserts a collection page (key <c>(user_id, release_id, instance_id)</c>) and records <paramref name="counts"/>.</summary>
    public Task<LeaseState> WriteCollectionPageAsync(SyncJobLeaseKey job, IReadOnlyList<CollectionRow> rows, SyncCounts counts,
        CancellationToken cancellationToken) =>
        InJobTransactionAsync(job, counts, cancellationToken, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO user_collections (user_id, release_id, instance_id, folder_id, title, artist, year, format, label, rating, date_added,
                                          metadata, updated_at, last_sync_id)
            SELECT @UserId, x.release_id, x.instance_id, x.folder_id, left(x.title, 500), left(x.artist, 500), x.year, left(x.format, 255),
                   left(x.label, 255), x.rating, x.date_added, NULL, NOW(), @JobId
            FROM jsonb_to_recordset(@rows::jsonb) AS x(release_id BIGINT, instance_id BIGINT, folder_id INTEGER, title TEXT, artist TEXT,
                 year INTEGER, format TEXT, label TEXT, rating SMALLINT, date_added TIMESTAMPTZ)
            ON CONFLICT (user_id, release_id, instance_id) DO UPDATE SET
                folder_id = EXCLUDED.folder_id, title = EXCLUDED.title, artist = EXCLUDED.artist, year = EXCLUDED.year,
                format = EXCLUDED.format, label = EXCLUDED.label, rating = EXCLUDED.rating, date_added = EXCLUDED.date_added,
                metadata = NULL, updated_at = NOW(), last_sync_id = EXCLUDED.last_sync_id
            """, new { job.UserId, job.JobId, rows = Json(rows.DistinctBy(r => (r.ReleaseId, r.InstanceId))) }, transaction, cancellationToken: cancellationToken)));

    /// <summary>Upserts a wantlist page (key <c>(user_id, release_id)</c>) and records <paramref name="counts"/>.</summary>
    public Task<LeaseState> WriteWantlistPageAsync(SyncJobLeaseKey job, IReadOnlyList<WantlistRow> rows, SyncCounts counts,
        CancellationToken cancellationToken) =>
        InJobTransactionAsync(job, counts, cancellationToken, (connection, transaction) => connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO user_wantlists (user_id, release_id, title, artist, year, format, rating, notes, date_added, updated_at, last_sync_id)
            SELECT @UserId, x.release_id, left(x.title, 500), left(x.artist, 500), x.year, left(x.format, 255), x.rating, x.notes, x.date_added,
                   NOW(), @JobId
            FROM jsonb_to_recordset(@rows::jsonb) AS x(release_id BIGINT, title TEXT, artist TEXT, year INTEGER, format TEXT,
                 rating SMALLINT, notes TEXT, date_added TIMESTAMPTZ)
            ON CONFLICT (user_id, release_id) DO UPDATE SET
                title = EXCLUDED.title, artist = EXCLUDED.artist, year = EXCLUDED.year, format = EXCLUDED.format, rating = EXCLUDED.rating,
                notes = EXCLUDED.notes, date_added = EXCLUDED.date_added, updated_at = NOW(), last_sync_id = EXCLUDED.last_sync_id
            """, new { job.UserId, job.JobId, rows = Json(rows.DistinctBy(r => r.ReleaseId)) }, transaction, cancellationToken: cancellationToken)));

    /// <summary>
    /// After a list was read to its end: when it was read <paramref name="completely"/>, deletes the user's rows of
    /// <paramref name="table"/> this job did not see; otherwise records the list in <c>reconcile_skipped</c>. Records
    /// the next phase either way. Returns how many rows went (0 when the lease was lost).
    /// </summary>
    public async Task<(LeaseState Lease, int Removed)> ReconcileAsync(SyncJobLeaseKey job, SyncListTable table, SyncCounts next,
        bool completely,
        CancellationToken cancellationToken)
    {
        var removed = 0;
        var lease = await InJobTransactionAsync(job, next, cancellationToken, async (connection, transaction) =>
        {
            if (!completely)
                return await connection.ExecuteAsync(new CommandDefinition("""
                    UPDATE sync_history SET reconcile_skipped = array_append(array_remove(reconcile_skipped, @list), @list) WHERE id = @JobId
                    """, new { list = ListName(table), job.JobId }, transaction, cancellationToken: cancellationToken));
            removed = await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {TableName(table)} WHERE user_id = @UserId AND last_sync_id IS DISTINCT FROM @JobId",
                new { job.UserId, job.JobId }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sync_history SET items_removed = items_removed + @removed WHERE id = @JobId",
                new { removed, job.JobId }, transaction, cancellationToken: cancellationToken));
            return removed;
        });
        return (lease, lease == LeaseState.Lost ? 0 : removed);
    }

    private async Task<LeaseState> InJobTransactionAsync(SyncJobLeaseKey job, SyncCounts counts, CancellationToken cancellationToken,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<int>> write)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var cancelRequested = await connection.ExecuteScalarAsync<bool?>(new CommandDefinition("""
            SELECT cancel_requested FROM sync_history WHERE id = @JobId AND claimed_by = @Instance AND status = 'running' FOR UPDATE
            """, new { job.JobId, job.Instance }, transaction, cancellationToken: cancellationToken));
        if (cancelRequested is null)
            return LeaseState.Lost;
        await write(connection, transaction);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE sync_history
            SET phase = @Phase, collection_synced = @CollectionSynced, wantlist_synced = @WantlistSynced,
                items_synced = @CollectionSynced + @WantlistSynced, pages_fetched = @PagesFetched, heartbeat_at = NOW()
            WHERE id = @JobId
            """, new { counts.Phase, counts.CollectionSynced, counts.WantlistSynced, counts.PagesFetched, job.JobId }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return cancelRequested.Value ? LeaseState.CancelRequested : LeaseState.Held;
    }

    private static string Json<T>(IEnumerable<T> rows) => JsonSerializer.Serialize(rows, RowJson);

    /// <summary>The list's name in <c>reconcile_skipped</c>.</summary>
    public static string ListName(SyncListTable table) => table switch
    {
        SyncListTable.Collection => "collection",
        SyncListTable.Wantlist => "wantlist",
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    private static string TableName(SyncListTable table) => table switch
    {
        SyncListTable.Collection => "user_collections",
        SyncListTable.Wantlist => "user_wantlists",
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };
}

/// <summary>The two lists a sync mirrors.</summary>
public enum SyncListTable
{
    Collection,
    Wantlist,
}

/// <summary>Identifies a held job in every write: the job, its user and the instance holding it.</summary>
public sealed record SyncJobLeaseKey(Guid JobId, Guid UserId, string Instance);
