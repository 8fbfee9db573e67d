using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>Where an import reports how far it is (progress bars on a terminal, log lines otherwise, the job row).</summary>
public interface IImportProgress
{
    /// <summary>A file starts loading; report on the returned handle.</summary>
    IFileProgress StartFile(DumpFile file);

    /// <summary>The catalogue build starts: <paramref name="steps"/> statements (tables, indexes, statistics) in all.</summary>
    IBuildProgress StartBuild(int steps);

    /// <summary>A short step after the build (the switch to the new catalogue).</summary>
    void Phase(string description);

    /// <summary>The import ended: the catalogue is live, or it failed and the old one still serves.</summary>
    void Finished(bool succeeded);
}

/// <summary>Progress of one file: records so far and compressed bytes read of its size.</summary>
public interface IFileProgress : IDisposable
{
    void Report(long records, long bytesRead);

    void Complete(long records);
}

/// <summary>Progress of the build: its steps start and finish, several at once.</summary>
public interface IBuildProgress
{
    void StepStarted(string step);

    void StepFinished(string step);
}

/// <summary>
/// Progress as log lines, every few seconds: per file records, records/s, MB/s, percent and ETA; for the build, steps
/// done of all and the ones running (never a line per step: a build has over a hundred).
/// </summary>
public sealed partial class LogImportProgress(ILogger logger, TimeSpan? every = null) : IImportProgress
{
    private readonly TimeSpan interval = every ?? TimeSpan.FromSeconds(5);
    private readonly ILogger logger = logger;

    public IFileProgress StartFile(DumpFile file) => new FileLog(this, file);

    public IBuildProgress StartBuild(int steps) => new BuildLog(this, steps);

    public void Phase(string description) => LogPhase(logger, description);

    public void Finished(bool succeeded)
    {
        if (!succeeded)
            LogFailed(logger);
    }

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

    private sealed class BuildLog(LogImportProgress owner, int total) : IBuildProgress
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly BuildSteps steps = new();
        private TimeSpan lastReport;

        public void StepStarted(string step) => steps.Start(step);

        public void StepFinished(string step)
        {
            var (done, running) = steps.Finish(step);
            if (done == total)
                LogBuildDone(owner.logger, total, clock.Elapsed.TotalSeconds);
            else if (clock.Elapsed - lastReport >= owner.interval)
            {
                lastReport = clock.Elapsed;
                LogBuildProgress(owner.logger, done, total, running);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{File}: {Records} records, {RecordsPerSecond}/s, {MegabytesPerSecond:0.0} MB/s, {Percent:0}% read, ETA {Eta}")]
    private static partial void LogFileProgress(ILogger logger, string file, long records, long recordsPerSecond,
        double megabytesPerSecond, double percent, string eta);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: {Records} records loaded in {Seconds:0.0} s")]
    private static partial void LogFileDone(ILogger logger, string file, long records, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Build: {Done}/{Total} steps done, running {Running}")]
    private static partial void LogBuildProgress(ILogger logger, int done, int total, string running);

    [LoggerMessage(Level = LogLevel.Information, Message = "Build: all {Total} steps done in {Seconds:0.0} s")]
    private static partial void LogBuildDone(ILogger logger, int total, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import: {Phase}")]
    private static partial void LogPhase(ILogger logger, string phase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import failed: the previous catalogue still serves")]
    private static partial void LogFailed(ILogger logger);
}

/// <summary>The build's steps: how many are done and which are running (steps start and finish on several threads).</summary>
public sealed class BuildSteps
{
    private readonly object gate = new();
    private readonly List<string> running = [];
    private int done;

    /// <summary>Marks <paramref name="step"/> running; the count done and the steps running, as text.</summary>
    public (int Done, string Running) Start(string step)
    {
        lock (gate)
        {
            running.Add(step);
            return (done, Describe());
        }
    }

    /// <summary>Marks <paramref name="step"/> done; the count done and the steps still running, as text.</summary>
    public (int Done, string Running) Finish(string step)
    {
        lock (gate)
        {
            running.Remove(step);
            done++;
            return (done, Describe());
        }
    }

    private string Describe() => running.Count == 0 ? "nothing" : string.Join(", ", running);
}
