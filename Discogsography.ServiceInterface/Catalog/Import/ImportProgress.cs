using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Catalog.Import;

/// <summary>Where an import reports how far it is (progress bars on a terminal, log lines otherwise).</summary>
public interface IImportProgress
{
    /// <summary>A file starts loading; report on the returned handle.</summary>
    IFileProgress StartFile(DumpFile file);

    /// <summary>A step after the files (building, switching).</summary>
    void Phase(string description);
}

/// <summary>Progress of one file: records so far and compressed bytes read of its size.</summary>
public interface IFileProgress : IDisposable
{
    void Report(long records, long bytesRead);

    void Complete(long records);
}

/// <summary>Progress as log lines, every few seconds: records, records/s, MB/s, percent and ETA.</summary>
public sealed partial class LogImportProgress(ILogger logger, TimeSpan? every = null) : IImportProgress
{
    private readonly TimeSpan interval = every ?? TimeSpan.FromSeconds(5);
    private readonly ILogger logger = logger;

    public IFileProgress StartFile(DumpFile file) => new FileLog(this, file);

    public void Phase(string description) => LogPhase(logger, description);

    private sealed class FileLog(LogImportProgress owner, DumpFile file) : IFileProgress
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly long size = Math.Max(1, file.Size);
        private TimeSpan lastReport;

        public void Report(long records, long bytesRead)
        {
            if (clock.Elapsed - lastReport < owner.interval)
                return;
            lastReport = clock.Elapsed;
            var seconds = Math.Max(0.001, clock.Elapsed.TotalSeconds);
            var fraction = Math.Min(1.0, bytesRead / (double)size);
            var eta = fraction > 0 ? TimeSpan.FromSeconds(seconds / fraction - seconds) : TimeSpan.Zero;
            LogFileProgress(owner.logger, Path.GetFileName(file.Path), records, (long)(records / seconds),
                bytesRead / seconds / 1_000_000, fraction * 100, eta.ToString(@"hh\:mm\:ss"));
        }

        public void Complete(long records) =>
            LogFileDone(owner.logger, Path.GetFileName(file.Path), records, clock.Elapsed.TotalSeconds);

        public void Dispose()
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: {Records} records, {RecordsPerSecond}/s, {MegabytesPerSecond:0.0} MB/s, {Percent:0}% read, ETA {Eta}")]
    private static partial void LogFileProgress(ILogger logger, string file, long records, long recordsPerSecond, double megabytesPerSecond, double percent, string eta);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: {Records} records loaded in {Seconds:0.0} s")]
    private static partial void LogFileDone(ILogger logger, string file, long records, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import: {Phase}")]
    private static partial void LogPhase(ILogger logger, string phase);
}
