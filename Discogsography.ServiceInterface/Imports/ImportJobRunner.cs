using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Jobs;
using Discogsography.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Imports;

/// <summary>
/// Runs one claimed import job: download (resumable) → verify (when a checksum file was given) → import with the
/// importer's atomic switch, recording the phase, bytes and records as it goes. Cancelling stops any phase (the live
/// catalogue stays); a failed or cancelled download is deleted; a host that stops gives the job back and the next
/// worker resumes the download where it broke. Outcomes go to the audit log.
/// </summary>
public sealed partial class ImportJobRunner(
    ImportJobQueries jobs, JobHeartbeatQueries heartbeats, ImportSources sources, DumpDownloader downloader, ChecksumVerifier checksums,
    CatalogueImporter importer, AuditLog audit,
    ImportOptions options, TimeProvider time, ILogger<ImportJobRunner> logger)
{
    public async Task RunAsync(ClaimedImportJob job, string instance, CancellationToken stopping)
    {
        if (job.Attempts > options.MaxAttempts)
        {
            await EndAsync(job, instance, JobEnd.Abandoned(options.MaxAttempts));
            return;
        }
        LogStarted(logger, job.Id, job.SourceUrl ?? job.SourcePath ?? "", job.Attempts);
        await using var lease = JobLease.Start(job.Id, token => heartbeats.ImportAsync(job.Id, instance, token), options.HeartbeatInterval,
            time, logger, stopping);
        var end = await JobEnd.OfAsync(lease, () => ExecuteAsync(job, instance, lease.Token),
            e => e is DownloadFailedException or ImportSourceException or DumpFormatException or ImportInProgressException, "importing",
            e => LogCrashed(logger, job.Id, e));
        if (end is not null)
        {
            if (end.Status != JobStatuses.Completed)
                DeleteDownloads(job);
            await EndAsync(job, instance, end);
        }
        else if (lease.State == LeaseState.Lost)
            LogLost(logger, job.Id);
        else
            await jobs.ReleaseAsync(job.Id, instance, CancellationToken.None);
    }

    private async Task ExecuteAsync(ClaimedImportJob job, string instance, CancellationToken cancellationToken)
    {
        var files = job.SourceUrl is { } url
            ? await DownloadAsync(job, instance, url, cancellationToken) : sources.ResolvePath(job.SourcePath!);
        await ImportAsync(job, instance, files, cancellationToken);
    }

    /// <summary>Downloads the dump (resuming a part file left by an earlier attempt) and checks it against the checksum file.</summary>
    private async Task<IReadOnlyList<DumpFile>> DownloadAsync(ClaimedImportJob job, string instance, string url,
        CancellationToken cancellationToken)
    {
        var uri = sources.CheckUrl(url, "url");
        var name = ImportSources.DumpFileName(uri);
        var expected = job.ChecksumUrl is { } checksumUrl
            ? await checksums.ExpectedAsync(sources.CheckUrl(checksumUrl, "checksum_url"), name, cancellationToken) : null;
        var destination = Path.Combine(sources.DownloadFolder(job.Id), name);
        await jobs.ReportFilesAsync(job.Id, instance, [new ImportFileInfo { Path = destination, Kind = KindOf(name) }], cancellationToken);
        await jobs.ReportAsync(job.Id, instance, ImportPhases.Download, 0, null, cancellationToken);
        await downloader.DownloadAsync(uri, destination,
            (done, total) => jobs.ReportAsync(job.Id, instance, ImportPhases.Download, done, total, cancellationToken),
            cancellationToken);
        if (expected is not null)
        {
            await jobs.ReportAsync(job.Id, instance, ImportPhases.Verify, 0, new FileInfo(destination).Length, cancellationToken);
            await checksums.VerifyAsync(destination, expected,
                (done, total) => jobs.ReportAsync(job.Id, instance, ImportPhases.Verify, done, total, cancellationToken),
                cancellationToken);
        }
        return [DumpFile.Of(destination)];
    }

    private async Task ImportAsync(ClaimedImportJob job, string instance, IReadOnlyList<DumpFile> files,
        CancellationToken cancellationToken)
    {
        var infos = files.Select(f =>
            new ImportFileInfo { Path = f.Path, Kind = f.Kind.ToString().ToLowerInvariant(), SizeBytes = f.Size }).ToList();
        await jobs.ReportFilesAsync(job.Id, instance, infos, cancellationToken);
        await jobs.ReportAsync(job.Id, instance, ImportPhases.Import, infos.Sum(i => i.SizeBytes ?? 0), infos.Sum(i => i.SizeBytes ?? 0),
            cancellationToken);
        var progress = new JobImportProgress(jobs, job.Id, instance, infos, options, time, logger, cancellationToken);
        await importer.ImportAsync(files, $"import job {job.Id}", progress, cancellationToken);
        await progress.FlushAsync();
    }

    private void DeleteDownloads(ClaimedImportJob job)
    {
        var folder = sources.DownloadFolder(job.Id);
        if (job.SourceUrl is not null && Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    private async Task EndAsync(ClaimedImportJob job, string instance, JobEnd end)
    {
        var (status, error) = end;
        try
        {
            if (!await jobs.FinishAsync(job.Id, instance, status, error, CancellationToken.None))
                return;
            LogEnded(logger, job.Id, status, error ?? "");
            await audit.RecordAsync(new AuditEntry(AuditActions.ImportEnded(status), job.RequestedBy, "import", job.Id.ToString(),
                new Dictionary<string, object?>
            {
                ["source"] = job.SourceUrl ?? job.SourcePath, ["error"] = error,
            }), null, null, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogEndFailed(logger, job.Id, status, e);
        }
    }

    private static string KindOf(string fileName) => fileName.Split('_')[2].Split('.')[0];

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} started from {Source} (attempt {Attempt})")]
    private static partial void LogStarted(ILogger logger, Guid jobId, string source, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} ended {Status} {Error}")]
    private static partial void LogEnded(ILogger logger, Guid jobId, string status, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} was claimed by another instance; this worker stopped")]
    private static partial void LogLost(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed unexpectedly")]
    private static partial void LogCrashed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the end ({Status}) of import job {JobId}; it will be claimed again")]
    private static partial void LogEndFailed(ILogger logger, Guid jobId, string status, Exception exception);
}
