using Dapper;
using Npgsql;

namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// Puts the shared servers back to empty between tests: no job still running, empty account tables (the catalogue in
/// schema <c>graph</c> is read-only reference data and stays), an empty Redis and a fresh fake Discogs.
/// </summary>
public static class SharedState
{
    private static readonly TimeSpan JobStopTimeout = TimeSpan.FromSeconds(15);

    public static async Task ResetAsync()
    {
        await using (var connection = await TestServers.Database.OpenConnectionAsync())
        {
            await StopLeftoverJobsAsync(connection);
            await TruncateAsync(connection);
        }
        await TestServers.Redis.FlushAsync();
        TestServers.Discogs.Reset();
        TestServers.Mail.Clear();
    }

    /// <summary>
    /// A test may end while the shared host still runs a job it started. Cancel it and wait until its worker has let
    /// go, so it neither writes into the next test's tables nor spends the next test's fake Discogs answers.
    /// </summary>
    private static async Task StopLeftoverJobsAsync(NpgsqlConnection connection)
    {
        await connection.ExecuteAsync("""
            UPDATE sync_history SET status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END, cancel_requested = TRUE
            WHERE status IN ('pending', 'running');
            UPDATE import_jobs SET status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END, cancel_requested = TRUE
            WHERE status IN ('pending', 'running');
            """);
        var deadline = DateTime.UtcNow + JobStopTimeout;
        while (await connection.ExecuteScalarAsync<bool>(
                   "SELECT EXISTS (SELECT 1 FROM sync_history WHERE status = 'running') OR EXISTS (SELECT 1 FROM import_jobs WHERE status = 'running')"))
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"A job left by an earlier test was still running {JobStopTimeout.TotalSeconds} s after it was cancelled.");
            await Task.Delay(50);
        }
    }

    /// <summary>Background upkeep (session cleanup, audit purge) can still deadlock with TRUNCATE; the TRUNCATE is the
    /// victim and is retried.</summary>
    private static async Task TruncateAsync(NpgsqlConnection connection)
    {
        var tables = (await connection.QueryAsync<string>("""
            SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'graph') AND tablename <> 'schema_migrations'
            """)).ToArray();
        if (tables.Length == 0)
            return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await connection.ExecuteAsync($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}
