using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Imports;

/// <summary>
/// Import progress written to the job row: the records read from each file, at most once per
/// <see cref="ImportOptions.ProgressInterval"/> (the importer reports far more often), one write at a time.
/// </summary>
internal sealed partial class JobImportProgress(
    ImportJobQueries jobs, Guid jobId, string instance, IReadOnlyList<ImportFileInfo> files, ImportOptions options, TimeProvider time,
    ILogger logger,
    CancellationToken cancellationToken) : IImportProgress
{
    private readonly object gate = new();
    private Task writing = Task.CompletedTask;
    private long lastWrite;

    public IFileProgress StartFile(DumpFile file) => new FileProgress(this, files.First(f => f.Path == file.Path));

    public void Phase(string description) => LogPhase(logger, jobId, description);

    /// <summary>The build is summarised in the log every few seconds, as the import verb does without a terminal.</summary>
    public IBuildProgress StartBuild(int steps)
    {
        LogPhase(logger, jobId, $"building the catalogue ({steps} steps)");
        return new LogImportProgress(logger).StartBuild(steps);
    }

    public void Finished(bool succeeded) =>
        LogPhase(logger, jobId, succeeded ? "the new catalogue is live" : "failed; the previous catalogue still serves");

    /// <summary>Waits for the last write and writes the final counts.</summary>
    public async Task FlushAsync()
    {
        await writing;
        await jobs.ReportFilesAsync(jobId, instance, files, cancellationToken);
    }

    private void Update(ImportFileInfo file, long records, bool final)
    {
        lock (gate)
        {
            file.Records = records;
            if (!writing.IsCompleted || (!final && time.GetElapsedTime(lastWrite) < options.ProgressInterval))
                return;
            lastWrite = time.GetTimestamp();
            writing = WriteAsync();
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await jobs.ReportFilesAsync(jobId, instance, files, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWriteFailed(logger, jobId, e);
        }
    }

    private sealed class FileProgress(JobImportProgress owner, ImportFileInfo file) : IFileProgress
    {
        public void Report(long records, long bytesRead) => owner.Update(file, records, final: false);

        public void Complete(long records) => owner.Update(file, records, final: true);

        public void Dispose()
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId}: {Phase}")]
    private static partial void LogPhase(ILogger logger, Guid jobId, string phase);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not record the progress of import job {JobId}; trying again at the next report")]
    private static partial void LogWriteFailed(ILogger logger, Guid jobId, Exception exception);
}
