using System.Diagnostics;
using Discogsography.ServiceInterface.Catalog.Import;
using Spectre.Console;

namespace Discogsography.Host.Commands;

/// <summary>Import progress as Spectre.Console bars: one per file (by compressed bytes, with records/s), then one per build phase.</summary>
internal sealed class SpectreImportProgress(ProgressContext context) : IImportProgress
{
    private ProgressTask? phase;

    public IFileProgress StartFile(DumpFile file) => new FileBar(context.AddTask(Path.GetFileName(file.Path), maxValue: Math.Max(1, file.Size)));

    public void Phase(string description)
    {
        phase?.StopTask();
        phase = context.AddTask(Markup.Escape(description)).IsIndeterminate();
        phase.StartTask();
    }

    private sealed class FileBar(ProgressTask task) : IFileProgress
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly string name = task.Description;

        public void Report(long records, long bytesRead)
        {
            task.Value = bytesRead;
            task.Description = $"{Markup.Escape(name)} [grey]{records:N0} records, {records / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0}/s[/]";
        }

        public void Complete(long records)
        {
            task.Value = task.MaxValue;
            task.Description = $"{Markup.Escape(name)} [green]{records:N0} records[/]";
            task.StopTask();
        }

        public void Dispose()
        {
        }
    }
}
