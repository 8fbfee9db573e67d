using Dapper;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Data;

/// <summary>Time series and catalogue aggregates for the dashboard's charts, every bucket present (zeros included).</summary>
public sealed class AdminStatsQueries(NpgsqlDataSource database)
{
    /// <summary>Syncs started on each of the <paramref name="days"/> days ending with <paramref name="now"/>'s day (UTC).</summary>
    public async Task<IReadOnlyList<DailySyncCounts>> SyncsPerDayAsync(DateTimeOffset now, int days, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<DailySyncCounts>(new CommandDefinition("""
            WITH buckets AS (
                SELECT generate_series(date_trunc('day', @now AT TIME ZONE 'UTC') - make_interval(days => @days - 1),
                                       date_trunc('day', @now AT TIME ZONE 'UTC'), interval '1 day') AS day)
            SELECT b.day AT TIME ZONE 'UTC' AS day,
                   count(*) FILTER (WHERE h.status = 'completed')::int AS completed,
                   count(*) FILTER (WHERE h.status = 'failed')::int AS failed,
                   count(*) FILTER (WHERE h.status = 'cancelled')::int AS cancelled,
                   count(*) FILTER (WHERE h.status IN ('pending', 'running'))::int AS active
            FROM buckets b
            LEFT JOIN sync_history h ON h.started_at >= b.day AT TIME ZONE 'UTC' AND h.started_at < (b.day + interval '1 day') AT TIME ZONE 'UTC'
            GROUP BY b.day ORDER BY b.day
            """, new { now, days }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Successful and failed sign-ins in each of the <paramref name="hours"/> hours ending with <paramref
    /// name="now"/>'s hour.</summary>
    public async Task<IReadOnlyList<HourlySignIns>> SignInsPerHourAsync(DateTimeOffset now, int hours, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<HourlySignIns>(new CommandDefinition("""
            WITH buckets AS (
                SELECT generate_series(date_trunc('hour', @now) - make_interval(hours => @hours - 1), date_trunc('hour', @now), interval '1 hour') AS hour)
            SELECT b.hour,
                   count(*) FILTER (WHERE a.action = 'login_success')::int AS sign_ins,
                   count(*) FILTER (WHERE a.action = 'login_failure')::int AS failed
            FROM buckets b
            LEFT JOIN audit_log a ON a.created_at >= b.hour AND a.created_at < b.hour + interval '1 hour'
                                 AND a.action IN ('login_success', 'login_failure')
            GROUP BY b.hour ORDER BY b.hour
            """, new { now, hours }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The live catalogue's releases per decade (from its per-year counts), and how many have no year.</summary>
    public async Task<(IReadOnlyList<DecadeCount> Decades, long Undated)> ReleasesPerDecadeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var decades = (await connection.QueryAsync<DecadeCount>(new CommandDefinition("""
            SELECT (year / 10) * 10 AS decade, sum(releases)::int AS count FROM graph.release_years GROUP BY 1 ORDER BY 1
            """, cancellationToken: cancellationToken))).AsList();
        var total = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT (counts->>'Releases')::bigint FROM graph.catalog_info LIMIT 1", cancellationToken: cancellationToken)) ?? 0;
        return (decades, Math.Max(0, total - decades.Sum(d => (long)d.Count)));
    }

    /// <summary>The <paramref name="limit"/> genres with the most releases.</summary>
    public async Task<IReadOnlyList<NamedCount>> TopGenresAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<NamedCount>(new CommandDefinition("""
            SELECT g.name, s.releases AS count FROM graph.genre_stats s JOIN graph.genres g ON g.id = s.genre_id
            ORDER BY s.releases DESC, g.name COLLATE "C" LIMIT @limit
            """, new { limit }, cancellationToken: cancellationToken))).AsList();
    }
}
