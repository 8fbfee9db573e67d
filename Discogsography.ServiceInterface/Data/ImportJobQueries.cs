using System.Text.Json;
using Dapper;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Serialization;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>An import job a worker has just claimed.</summary>
public sealed record ClaimedImportJob
{
    public Guid Id { get; init; }
    public string? SourceUrl { get; init; }
    public string? SourcePath { get; init; }
    public string? ChecksumUrl { get; init; }
    public int Attempts { get; init; }
    public Guid? RequestedBy { get; init; }
}

/// <summary>
/// <c>import_jobs</c> as a job queue (ARCHITECTURE.md §5), like the sync queue but with one job running at a time
/// across instances (an import replaces the catalogue): claims are serialized by a transaction-level advisory lock.
/// Writes by a worker are fenced by <c>claimed_by</c>.
/// </summary>
public sealed class ImportJobQueries(NpgsqlDataSource database)
{
    /// <summary>"DGIMPCLM": serializes import claims across instances.</summary>
    private const long ClaimLockKey = 0x4447494D50434C4D;

    private const string Select = """
        SELECT j.id, j.source_url AS url, j.source_path AS path, j.checksum_url, j.status, j.phase, j.bytes_done, j.bytes_total, j.files::text AS files,
               j.error, j.created_at, j.started_at, j.completed_at, u.email AS requested_by, j.attempts, j.cancel_requested
        FROM import_jobs j LEFT JOIN users u ON u.id = j.requested_by
        """;

    public async Task<ImportJobInfo> CreateAsync(string? url, string? path, string? checksumUrl, Guid? requestedBy,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            INSERT INTO import_jobs (source_url, source_path, checksum_url, requested_by) VALUES (@url, @path, @checksumUrl, @requestedBy) RETURNING id
            """, new { url, path, checksumUrl, requestedBy }, cancellationToken: cancellationToken));
        return (await GetAsync(id, cancellationToken))!;
    }

    public async Task<ImportJobInfo?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ImportRow>(new CommandDefinition($"{Select} WHERE j.id = @id", new { id },
            cancellationToken: cancellationToken));
        return row?.ToInfo();
    }

    /// <summary>One page of jobs, newest first, and how many there are.</summary>
    public async Task<(IReadOnlyList<ImportJobInfo> Jobs, int Total)> QueryAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportRow>(new CommandDefinition(
            $"{Select} ORDER BY j.created_at DESC, j.id LIMIT @limit OFFSET @offset", new { limit, offset },
            cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*)::int FROM import_jobs",
            cancellationToken: cancellationToken));
        return (rows.Select(r => r.ToInfo()).ToList(), total);
    }

    /// <summary>The oldest pending job (or a running one whose worker went silent), unless another job is running.</summary>
    public async Task<ClaimedImportJob?> ClaimAsync(string instance, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@ClaimLockKey)", new { ClaimLockKey },
            transaction, cancellationToken: cancellationToken));
        var job = await connection.QuerySingleOrDefaultAsync<ClaimedImportJob>(new CommandDefinition("""
            UPDATE import_jobs j
            SET status = 'running', claimed_by = @instance, heartbeat_at = NOW(), started_at = COALESCE(j.started_at, NOW()), attempts = j.attempts + 1
            FROM (SELECT id FROM import_jobs c
                  WHERE (c.status = 'pending' OR (c.status = 'running' AND COALESCE(c.heartbeat_at, c.created_at) < NOW() - make_interval(secs => @stale)))
                    AND NOT EXISTS (SELECT 1 FROM import_jobs r WHERE r.status = 'running' AND r.id <> c.id
                                    AND r.heartbeat_at >= NOW() - make_interval(secs => @stale))
                  ORDER BY c.created_at, c.id LIMIT 1 FOR UPDATE SKIP LOCKED) next
            WHERE j.id = next.id
            RETURNING j.id, j.source_url, j.source_path, j.checksum_url, j.attempts, j.requested_by
            """, new { instance, stale = staleAfter.TotalSeconds }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return job;
    }

    /// <summary>Records the phase and byte counts of a running job.</summary>
    public async Task ReportAsync(Guid id, string instance, string phase, long bytesDone, long? bytesTotal,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE import_jobs SET phase = @phase, bytes_done = @bytesDone, bytes_total = @bytesTotal, heartbeat_at = NOW()
            WHERE id = @id AND claimed_by = @instance AND status = 'running'
            """, new { id, instance, phase, bytesDone, bytesTotal }, cancellationToken: cancellationToken));
    }

    /// <summary>Records the job's files (paths, sizes, records so far).</summary>
    public async Task ReportFilesAsync(Guid id, string instance, IReadOnlyList<ImportFileInfo> files, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE import_jobs SET files = @files::jsonb, heartbeat_at = NOW() WHERE id = @id AND claimed_by = @instance AND status = 'running'
            """, new { id, instance, files = JsonSerializer.Serialize(files, WireJson.Options) }, cancellationToken: cancellationToken));
    }

    /// <summary>Gives a job back to the queue (the host is stopping); the attempt does not count against it.</summary>
    public Task ReleaseAsync(Guid id, string instance, CancellationToken cancellationToken) =>
        JobRows.ReleaseAsync(database, "import_jobs", id, instance, cancellationToken);

    /// <summary>Ends a job the worker holds: completed, failed or cancelled.</summary>
    public async Task<bool> FinishAsync(Guid id, string instance, string status, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE import_jobs SET status = @status, error = @error, completed_at = NOW(), heartbeat_at = NULL
            WHERE id = @id AND claimed_by = @instance AND status = 'running'
            """, new { id, instance, status, error }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Cancels a job: a pending one at once, a running one at its worker's next heartbeat. Null when there is
    /// no such job.</summary>
    public async Task<ImportJobInfo?> RequestCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await JobRows.RequestCancelAsync(database, "import_jobs", "error", id, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private sealed record ImportRow
    {
        public Guid Id { get; init; }
        public string? Url { get; init; }
        public string? Path { get; init; }
        public string? ChecksumUrl { get; init; }
        public string Status { get; init; } = "";
        public string? Phase { get; init; }
        public long BytesDone { get; init; }
        public long? BytesTotal { get; init; }
        public string Files { get; init; } = "[]";
        public string? Error { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? StartedAt { get; init; }
        public DateTimeOffset? CompletedAt { get; init; }
        public string? RequestedBy { get; init; }
        public int Attempts { get; init; }
        public bool CancelRequested { get; init; }

        public ImportJobInfo ToInfo() => new()
        {
            Id = Id, Url = Url, Path = Path, ChecksumUrl = ChecksumUrl, Status = Status, Phase = Phase, BytesDone = BytesDone,
                BytesTotal = BytesTotal,
            Files = JsonSerializer.Deserialize<List<ImportFileInfo>>(Files, WireJson.Options) ?? [], Error = Error, CreatedAt = CreatedAt,
            StartedAt = StartedAt, CompletedAt = CompletedAt, RequestedBy = RequestedBy, Attempts = Attempts,
            CancelRequested = CancelRequested,
        };
    }
}
