using System.Text.RegularExpressions;
using Discogsography.Host.Commands;
using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.Tests.Infrastructure;
using Spectre.Console;

namespace Discogsography.Tests.Unit;

/// <summary>Import progress a person can follow: bars that all finish on a terminal, a few summary lines otherwise.</summary>
public sealed partial class ImportProgressTests
{
    private const int BuildSteps = 120;

    [Test]
    public void Without_a_terminal_the_build_is_summarised_not_logged_step_by_step()
    {
        using var logs = new LogCapture();
        var progress = new LogImportProgress(logs.CreateLogger("import"));

        RunBuild(progress.StartBuild(BuildSteps));
        progress.Phase("switching to the new catalogue");
        progress.Finished(succeeded: true);

        Assert.That(logs.Lines, Has.Count.LessThanOrEqualTo(3), string.Join("\n", logs.Lines));
        Assert.That(logs.Lines, Has.Some.Contains($"Build: all {BuildSteps} steps done"));
    }

    [Test]
    public void On_a_terminal_every_bar_ends_full_one_per_file_one_for_the_build_and_one_per_phase()
    {
        var screen = Render(progress =>
        {
            foreach (var (name, size) in new[] { ("discogs_20200806_artists.xml.gz", 1000L), ("discogs_20200806_releases.xml.gz", 5000L) })
            {
                using var file = progress.StartFile(DumpFile.Of(DumpFilePath(name, size)));
                file.Report(10, size / 2);
                file.Complete(20);
            }
            RunBuild(progress.StartBuild(BuildSteps));
            progress.Phase("switching to the new catalogue");
            progress.Finished(succeeded: true);
        });

        Assert.That(Percentages().Matches(screen).Select(m => m.Value), Is.EqualTo(new[] { "100%", "100%", "100%", "100%" }).AsCollection,
            screen);
        Assert.That(screen, Does.Contain($"build {BuildSteps} steps").And.Not.Contain("failed"));
    }

    [Test]
    public void On_a_terminal_a_failed_import_marks_its_unfinished_bars_failed()
    {
        var screen = Render(progress =>
        {
            var build = progress.StartBuild(BuildSteps);
            build.StepStarted("index releases_title");
            progress.Finished(succeeded: false);
        });

        Assert.That(screen, Does.Contain("failed"));
    }

    private static void RunBuild(IBuildProgress build)
    {
        for (var i = 0; i < BuildSteps; i++)
        {
            build.StepStarted($"step {i}");
            build.StepFinished($"step {i}");
        }
    }

    private static string Render(Action<IImportProgress> import)
    {
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes,
            Out = new TerminalOutput(screen),
        });
        console.Progress().AutoRefresh(false).Columns(new TaskDescriptionColumn(), new PercentageColumn())
            .Start(context => import(new SpectreImportProgress(context)));
        return LastFrame(screen.ToString());
    }

    /// <summary>The final state of the live display: the lines of the last frame drawn.</summary>
    private static string LastFrame(string output) => string.Join('\n', AnsiEscapes().Replace(output, "").Split('\n').TakeLast(6));

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscapes();

    /// <summary>A terminal that writes into a string, so the live display renders as on a screen.</summary>
    private sealed class TerminalOutput(TextWriter writer) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;

        public bool IsTerminal => true;

        public int Width => 160;

        public int Height => 40;

        public void SetEncoding(System.Text.Encoding encoding)
        {
        }
    }

    private static string DumpFilePath(string name, long size)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("progress").FullName, name);
        File.WriteAllBytes(path, new byte[size]);
        return path;
    }

    [GeneratedRegex(@"\d+%")]
    private static partial Regex Percentages();
}
