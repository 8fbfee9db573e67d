using System.CommandLine;
using Discogsography.ServiceInterface.Catalogue.Import;
using Spectre.Console;

namespace Discogsography.Host.Commands;

/// <summary>
/// <c>import PATH...</c>: loads Discogs dump files (or every dump file in a folder, the newest of each kind) into
/// the catalogue with an atomic switch. Progress bars on a terminal, log lines every few seconds otherwise.
/// </summary>
internal static class ImportCommand
{
    /// <summary>What the catalogue records as its origin when this verb imported it.</summary>
    private const string CommandLineOrigin = "the import command";

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Dump files (discogs_YYYYMMDD_<kind>.xml[.gz]) or folders holding them.", Arity = ArgumentArity.OneOrMore };
        var parseOnly = new Option<bool>("--parse-only") { Description = "Read and check the files without touching the database." };
        var command = new Command("import", "Import Discogs data dump files into the catalogue (any subset, any order).") { paths,
            parseOnly };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(() => parse.GetValue(parseOnly)
            ? ParseOnlyAsync(parse.GetRequiredValue(paths), cancellationToken)
            : RunAsync(parse.GetRequiredValue(paths), cancellationToken)));
        return command;
    }

    private static DumpFile[] FilesOf(string[] paths) =>
        paths.SelectMany(p => Directory.Exists(p) ? DumpFile.InDirectory(p) : [DumpFile.Of(p)]).ToArray();

    private static async Task<int> ParseOnlyAsync(string[] paths, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        foreach (var file in FilesOf(paths))
        {
            var result = await DumpLoader.ParseOnlyAsync(file, new LogImportProgress(loggers.CreateLogger("Discogsography.Import")),
                cancellationToken);
            Console.WriteLine($"{Path.GetFileName(file.Path)}: {result.Records:N0} records");
        }
        Console.WriteLine($"Parsed in {started.Elapsed.TotalSeconds:0.0} s; peak memory {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB.");
        return 0;
    }

    private static async Task<int> RunAsync(string[] paths, CancellationToken cancellationToken)
    {
        var files = FilesOf(paths);
        await using var services = await CommandServices.StartAsync(cancellationToken);
        var importer = services.GetRequiredService<CatalogueImporter>();
        var outcome = await ImportWithProgressAsync(importer, files, cancellationToken);
        foreach (var load in outcome.Files)
            Console.WriteLine($"{Path.GetFileName(load.File.Path)}: {load.Records:N0} records");
        Console.WriteLine($"Catalogue {outcome.ImportId} is live (import took {outcome.Elapsed.TotalSeconds:0.0} s; peak memory {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB).");
        return 0;
    }

    private static async Task<ImportOutcome> ImportWithProgressAsync(CatalogueImporter importer, DumpFile[] files,
        CancellationToken cancellationToken)
    {
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                    new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(context => importer.ImportAsync(files, CommandLineOrigin, new SpectreImportProgress(context),
                    cancellationToken));
        }
        using var loggers = LoggerFactory.Create(logging =>
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }));
        return await importer.ImportAsync(files, CommandLineOrigin, new LogImportProgress(loggers.CreateLogger("Discogsography.Import")),
            cancellationToken);
    }
}
