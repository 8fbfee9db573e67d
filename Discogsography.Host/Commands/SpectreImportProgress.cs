using System.Diagnostics;
using Discogsography.ServiceInterface.Catalogue.Import;
using Spectre.Console;

namespace Discogsography.Host.Commands;

/// <summary>
/// Import progress as Spectre.Console bars: one per file (compressed bytes read, records/s), one for the build (steps
/// done of all, the steps running) and one per later phase. Every bar ends full, or marked failed when the import fails.
/// </summary>
internal sealed class SpectreImportProgress(ProgressContext context) : IImportProgress
{
    private readonly List<ProgressTask> open = [];
    private ProgressTask? phase;

    public IFileProgress StartFile(DumpFile file) =>
        new FileBar(Track(context.AddTask(Path.GetFileName(file.Path), maxValue: Math.Max(1, file.Size))));

    public IBuildProgress StartBuild(int steps) => new BuildBar(Track(context.AddTask("build", maxValue: Math.Max(1, steps))), steps);

    public void Phase(string description)
    {
        CompletePhase();
        phase = Track(context.AddTask(Markup.Escape(description), maxValue: 1));
    }

    public void Finished(bool succeeded)
    {
        if (succeeded)
            CompletePhase();
        foreach (var task in open.Where(t => !t.IsFinished))
        {
            task.Description = $"{task.Description} [red]failed[/]";
            task.StopTask();
        }
    }

    private void CompletePhase()
    {
        if (phase is null)
            return;
        phase.Value = phase.MaxValue;
        phase.StopTask();
    }

    private ProgressTask Track(ProgressTask task)
    {
        open.Add(task);
        return task;
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

    private sealed class BuildBar(ProgressTask task, int total) : IBuildProgress
    {
        private readonly BuildSteps steps = new();

        public void StepStarted(string step) => Show(steps.Start(step));

        public void StepFinished(string step) => Show(steps.Finish(step));

        private void Show((int Done, string Running) now)
        {
            task.Value = now.Done;
            task.Description = now.Done == total
                ? $"build [green]{total} steps[/]"
                : $"build [grey]{now.Done}/{total} steps, {Markup.Escape(Shorten(now.Running))}[/]";
            if (now.Done == total)
                task.StopTask();
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..39] + "…";
    }
}
