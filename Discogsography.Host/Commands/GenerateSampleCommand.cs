using System.CommandLine;
using System.Diagnostics;
using Discogsography.ServiceInterface.Catalogue.Sample;

namespace Discogsography.Host.Commands;

/// <summary><c>generate-sample --out DIR [--releases N]</c>: a deterministic synthetic dump of any size, for demos and
/// benchmarks.</summary>
internal static class GenerateSampleCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the four .xml.gz files into.", Required = true };
        var releases = new Option<int>("--releases") { Description = "Number of releases (artists, labels and masters scale with it).",
            DefaultValueFactory = _ => 10_000 };
        var artists = new Option<int?>("--artists")
        {
            Description = "Number of artists (default: 10/19 of the releases, as in today's dump).",
        };
        var labels = new Option<int?>("--labels") { Description = "Number of labels (default: 12 % of the releases)." };
        var masters = new Option<int?>("--masters") { Description = "Number of masters (default: 13 % of the releases)." };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed writes the same files.",
            DefaultValueFactory = _ => 20200806 };
        var command = new Command("generate-sample", "Write a synthetic Discogs dump in the real XML format.") { output, releases, artists,
            labels, masters, seed };
        command.SetAction(parse =>
        {
            var options = new SampleOptions
            {
                Releases = parse.GetValue(releases), Artists = parse.GetValue(artists), Labels = parse.GetValue(labels),
                Masters = parse.GetValue(masters), Seed = parse.GetValue(seed),
            };
            if (options.Releases < 1)
            {
                Console.Error.WriteLine("--releases must be at least 1");
                return 2;
            }
            var clock = Stopwatch.StartNew();
            foreach (var path in new SampleGenerator(options).WriteAll(parse.GetRequiredValue(output)))
                Console.WriteLine($"{path} ({new FileInfo(path).Length / 1024.0 / 1024:0.0} MB)");
            Console.WriteLine($"Generated {options.Releases:N0} releases, {options.ArtistCount:N0} artists, {options.LabelCount:N0} labels, {options.MasterCount:N0} masters in {clock.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        return command;
    }
}
