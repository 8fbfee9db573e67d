using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Discogsography.ServiceInterface.Catalogue.Sample;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Unit;

/// <summary>
/// Generated releases weigh what real ones weigh, so import benchmarks on generated dumps mean something: bytes of XML
/// per release within 15 % of the real 2020-08-06 sample's (4,505 bytes, measured on its 1,000 releases; read from the
/// sample itself when it is next to the repository), and its elements in its proportions.
/// </summary>
public sealed partial class SampleRealismTests
{
    private const double RealBytesPerRelease = 4505;

    [Test]
    public void Generated_releases_have_the_real_dumps_size_and_element_mix()
    {
        var folder = Directory.CreateTempSubdirectory("realism").FullName;
        new SampleGenerator(new SampleOptions { Releases = 2000 }).WriteAll(folder);

        var generated = ReleasesOf(Path.Combine(folder, "discogs_20200806_releases.xml.gz"));
        var real = File.Exists(RealSample) ? ReleasesOf(RealSample) : null;
        var target = real?.Average(r => Encoding.UTF8.GetByteCount(r)) ?? RealBytesPerRelease;

        Assert.That(generated.Average(r => Encoding.UTF8.GetByteCount(r)), Is.EqualTo(target).Within(15).Percent);
        foreach (var (element, share) in new[] { ("<companies>", 0.45), ("<videos>", 0.53), ("<master_id", 0.62), ("<sub_tracks>", 0.02) })
            Assert.That(generated.Count(r => r.Contains(element, StringComparison.Ordinal)) / (double)generated.Count,
                Is.EqualTo(share).Within(0.08), element);
    }

    private static string RealSample => Path.Combine(RepositoryPaths.SharedData, "discogs", "discogs_20200806_releases.xml.gz");

    private static List<string> ReleasesOf(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return [.. Release().Matches(reader.ReadToEnd()).Select(m => m.Value)];
    }

    [GeneratedRegex("<release .*?</release>", RegexOptions.Singleline)]
    private static partial Regex Release();
}
