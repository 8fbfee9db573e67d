using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceInterface.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Maintenance;

/// <summary>What one maintenance pass removed.</summary>
public sealed record MaintenanceOutcome(int AuditEntriesPurged, int SessionsPurged, int RevocationsPurged);

/// <summary>
/// Periodic clean-up: audit entries older than <c>AUDIT_RETENTION_DAYS</c>, and sessions (with their refresh
/// tokens) that ended or expired more than a week ago and whose access tokens have all expired, and the records of
/// revoked tokens that expired. Revocation keys expire by their own TTL. Idempotent, so several instances may run it.
/// </summary>
public sealed partial class MaintenanceJob(AuditLog audit, SessionQueries sessions, RevokedTokenQueries revoked, SecuritySettings settings,
    TimeProvider time, ILogger<MaintenanceJob> logger)
{
    /// <summary>How long ended sessions stay listed for administrators before they are deleted.</summary>
    public static readonly TimeSpan EndedSessionRetention = TimeSpan.FromDays(7);

    public async Task<MaintenanceOutcome> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcome = new MaintenanceOutcome(
            await audit.PurgeAsync(now.AddDays(-settings.AuditRetentionDays), cancellationToken),
            await sessions.PurgeAsync(now - EndedSessionRetention, cancellationToken),
            await revoked.PurgeAsync(now, cancellationToken));
        LogPurged(logger, outcome.AuditEntriesPurged, outcome.SessionsPurged, outcome.RevocationsPurged);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Maintenance purged {AuditEntries} audit entries, {Sessions} old sessions and {Revocations} expired token revocations")]
    private static partial void LogPurged(ILogger logger, int auditEntries, int sessions, int revocations);
}

/// <summary>Runs <see cref="MaintenanceJob"/> shortly after startup and then every hour; a failure is logged and
/// retried next time.</summary>
public sealed partial class MaintenanceWorker(MaintenanceJob job, TimeProvider time, ILogger<MaintenanceWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunSafelyAsync(stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunSafelyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await job.RunOnceAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Maintenance pass failed; it runs again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
