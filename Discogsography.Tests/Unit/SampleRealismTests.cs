using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Discogsography.ServiceInterface.Catalogue.Sample;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Unit;

/// <summary>
/// Generated records weigh what real ones weigh, so import benchmarks on generated dumps mean something: bytes of XML
/// per record within 15 % of the real 2020-08-06 sample's (measured on its first 1,000 records of each file; read from
/// the sample itself when it is next to the repository), and its elements in its proportions.
/// </summary>
public sealed partial class SampleRealismTests
{
    private static readonly Lazy<string> Generated = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("realism").FullName;
        new SampleGenerator(new SampleOptions { Releases = 8000 }).WriteAll(folder);
        return folder;
    });

    [OneTimeTearDown]
    public void DeleteTheGeneratedDump()
    {
        if (Generated.IsValueCreated)
            Directory.Delete(Generated.Value, recursive: true);
    }

    // The real sample's bytes per record, and the share of its records holding each element.
    [TestCase("artists", "artist", 327, "aliases:0.115 members:0.079 groups:0.119 namevariations:0.26 urls:0.145 images:0.197")]
    [TestCase("labels", "label", 243, "parentLabel:0.083 sublabels:0.067 urls:0.149 images:0.246 profile:0.242")]
    [TestCase("masters", "master", 1300, "videos:0.574 styles:0.898 images:0.985 notes:0.04")]
    [TestCase("releases", "release", 4505, "companies:0.45 videos:0.53 master_id:0.62 sub_tracks:0.02")]
    public void Generated_records_have_the_real_dumps_size_and_element_mix(string file, string element, double realBytes,
        string shares)
    {
        var generated = RecordsOf(Path.Combine(Generated.Value, $"discogs_20200806_{file}.xml.gz"), 3000);
        var realSample = Path.Combine(RepositoryPaths.SharedData, "discogs", $"discogs_20200806_{file}.xml.gz");
        var target = File.Exists(realSample) ? RecordsOf(realSample, 1000).Average(Bytes) : realBytes;

        Assert.That(generated.Average(Bytes), Is.EqualTo(target).Within(15).Percent, $"bytes per {element}");
        foreach (var (tag, share) in shares.Split(' ').Select(s => s.Split(':')).Select(s => (s[0], double.Parse(s[1]))))
            Assert.That(generated.Count(r => Holds(r, tag)) / (double)generated.Count, Is.EqualTo(share).Within(0.08), tag);
    }

    [Test]
    public void No_date_is_later_than_the_dump_and_the_dumps_own_year_is_no_spike()
    {
        var releases = RecordsOf(Path.Combine(Generated.Value, "discogs_20200806_releases.xml.gz"), int.MaxValue);
        var released = releases.Select(r => Released().Match(r)).Where(m => m.Success)
            .Select(m => (Year: int.Parse(m.Groups[1].Value), Month: int.Parse(m.Groups[2].Value))).ToList();
        var perYear = released.CountBy(d => d.Year).ToDictionary();

        Assert.That(released.Max(), Is.LessThanOrEqualTo((2020, 8)));
        Assert.That(perYear[2020], Is.LessThan(perYear[2019]), "the dump's year is only seven months long");
        Assert.That(perYear[2019], Is.LessThan(perYear[2009] * 2), "and years grow smoothly towards it");
        Assert.That(released.Count(d => d.Year < 1970), Is.GreaterThan(released.Count / 50), "old records exist too");
    }

    [Test]
    public void A_style_belongs_to_one_or_two_genres_and_each_genre_has_styles_of_its_own()
    {
        var releases = RecordsOf(Path.Combine(Generated.Value, "discogs_20200806_releases.xml.gz"), int.MaxValue);
        var stylesByRelease = releases.Select(r => (Genres: Values(r, "genre"), Styles: Values(r, "style"))).ToList();
        var genresOfStyle = stylesByRelease.Where(r => r.Genres.Count == 1)
            .SelectMany(r => r.Styles.Select(s => (Style: s, Genre: r.Genres[0])))
            .GroupBy(p => p.Style, p => p.Genre).ToDictionary(g => g.Key, g => g.Distinct().Count());

        Assert.That(genresOfStyle.Values.Max(), Is.LessThanOrEqualTo(2));
        Assert.That(genresOfStyle.Count(s => s.Value == 1), Is.GreaterThan(genresOfStyle.Count / 2));
        Assert.That(stylesByRelease.Where(r => r.Genres.SequenceEqual(["Jazz"])).SelectMany(r => r.Styles).Distinct(),
            Has.All.EndsWith("Jazz"), "a jazz release has jazz styles only");
    }

    private static bool Holds(string record, string tag) =>
        record.Contains($"<{tag}>", StringComparison.Ordinal) || record.Contains($"<{tag} ", StringComparison.Ordinal);

    private static double Bytes(string record) => Encoding.UTF8.GetByteCount(record);

    private static List<string> Values(string record, string element) =>
        [.. Regex.Matches(record, $"<{element}>([^<]*)</{element}>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>The file's top-level records as XML text (a label's sub-labels are <c>&lt;label&gt;</c>s too, one level down).</summary>
    private static List<string> RecordsOf(string path, int limit)
    {
        using var reader = XmlReader.Create(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        reader.MoveToContent();
        reader.Read();
        var records = new List<string>();
        while (records.Count < limit && !reader.EOF)
        {
            if (reader is { NodeType: XmlNodeType.Element, Depth: 1 })
                records.Add(reader.ReadOuterXml());
            else
                reader.Read();
        }
        return records;
    }

    [GeneratedRegex("<released>([0-9]{4})-([0-9]{2})")]
    private static partial Regex Released();
}
