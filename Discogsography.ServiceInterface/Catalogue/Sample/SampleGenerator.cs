using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Discogsography.ServiceInterface.Catalogue.Sample;

/// <summary>How big a synthetic dump to write.</summary>
public sealed record SampleOptions
{
    public int Releases { get; init; } = 10_000;
    public int? Artists { get; init; }
    public int? Labels { get; init; }
    public int? Masters { get; init; }
    public int Seed { get; init; } = 20200806;

    /// <summary>The dump date in the file names.</summary>
    public string Date { get; init; } = "20200806";

    public int ArtistCount => Artists ?? Math.Max(50, Releases / 4);
    public int LabelCount => Labels ?? Math.Max(20, Releases / 25);
    public int MasterCount => Masters ?? Math.Max(10, Releases / 3);
}

/// <summary>
/// Writes a deterministic synthetic Discogs dump in the real XML format (the four gzip files), with the skew of
/// the real catalogue: a few artists, labels, genres and styles own most releases (Zipf-distributed choices).
/// Records carry realistic filler (images, tracklists, credits, notes) so parsing costs what a real dump costs.
/// </summary>
public sealed class SampleGenerator(SampleOptions options)
{
    private static readonly string[] Genres =
    [
        "Electronic", "Rock", "Pop", "Jazz", "Hip Hop", "Funk / Soul", "Classical", "Folk, World, & Country", "Latin", "Reggae",
        "Stage & Screen", "Blues", "Non-Music", "Children's", "Brass & Military",
    ];

    private static readonly string[] Kinds = ["artists", "labels", "masters", "releases"];

    private readonly SyntheticNames names = new(options.Seed);

    /// <summary>Writes the four files into <paramref name="directory"/>; returns their paths.</summary>
    public IReadOnlyList<string> WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        return
        [
            Write(directory, "artists", WriteArtists),
            Write(directory, "labels", WriteLabels),
            Write(directory, "masters", WriteMasters),
            Write(directory, "releases", WriteReleases),
        ];
    }

    private string Write(string directory, string kind, Action<XmlWriter, Random> body)
    {
        var path = Path.Combine(directory, $"discogs_{options.Date}_{kind}.xml.gz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = XmlWriter.Create(gzip,
            new XmlWriterSettings { Indent = false, OmitXmlDeclaration = true, Encoding = new System.Text.UTF8Encoding(false) });
        writer.WriteStartElement(kind);
        // A fixed seed per file (string hashes are randomized per process, so they cannot be used here).
        body(writer, new Random(options.Seed + 7919 * Array.IndexOf(Kinds, kind)));
        writer.WriteEndElement();
        return path;
    }

    private void WriteArtists(XmlWriter w, Random random)
    {
        for (var id = 1; id <= options.ArtistCount; id++)
        {
            w.WriteStartElement("artist");
            Filler.Images(w, random);
            w.WriteElementString("id", Text(id));
            w.WriteElementString("name", names.Artist(id));
            if (random.Next(3) == 0)
                w.WriteElementString("realname", names.Person(random));
            w.WriteElementString("profile", Filler.Sentence(random, 12));
            w.WriteElementString("data_quality", "Needs Vote");
            References(w, "aliases", random.Next(5) == 0 ? random.Next(1, 4) : 0, random, id);
            if (random.Next(20) == 0)
                References(w, "members", random.Next(2, 5), random, id);
            else if (random.Next(10) == 0)
                References(w, "groups", 1, random, id);
            w.WriteEndElement();
        }
    }

    private void References(XmlWriter w, string element, int count, Random random, int self)
    {
        if (count == 0)
            return;
        w.WriteStartElement(element);
        for (var i = 0; i < count; i++)
        {
            var other = random.Next(1, options.ArtistCount + 1);
            if (other == self)
                continue;
            w.WriteStartElement("name");
            w.WriteAttributeString("id", Text(other));
            w.WriteString(names.Artist(other));
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private void WriteLabels(XmlWriter w, Random random)
    {
        for (var id = 1; id <= options.LabelCount; id++)
        {
            w.WriteStartElement("label");
            Filler.Images(w, random);
            w.WriteElementString("id", Text(id));
            w.WriteElementString("name", names.Label(id));
            w.WriteElementString("contactinfo", Filler.Sentence(random, 8));
            w.WriteElementString("profile", Filler.Sentence(random, 15));
            if (id > 10 && random.Next(10) == 0)
            {
                var parent = random.Next(1, id);
                w.WriteStartElement("parentLabel");
                w.WriteAttributeString("id", Text(parent));
                w.WriteString(names.Label(parent));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
    }

    private void WriteMasters(XmlWriter w, Random random)
    {
        for (var id = 1; id <= options.MasterCount; id++)
        {
            w.WriteStartElement("master");
            w.WriteAttributeString("id", Text(id));
            w.WriteElementString("main_release", Text(random.Next(1, options.Releases + 1)));
            Filler.Images(w, random);
            w.WriteElementString("year", random.Next(12) == 0 ? "0" : Text(Year(random)));
            w.WriteElementString("title", names.Title(random));
            w.WriteElementString("data_quality", "Correct");
            w.WriteEndElement();
        }
    }

    private void WriteReleases(XmlWriter w, Random random)
    {
        var artists = new ZipfSampler(options.ArtistCount, 1.0, random);
        var labels = new ZipfSampler(options.LabelCount, 1.0, random);
        var genres = new ZipfSampler(Genres.Length, 1.2, random);
        var styles = new ZipfSampler(names.StyleCount, 1.0, random);
        for (var id = 1; id <= options.Releases; id++)
            new ReleaseWriter(w, random, names, Genres, options.Seed, options.ArtistCount).Write(id, artists, labels, genres, styles,
                options.MasterCount);
    }

    /// <summary>Release years lean towards recent decades, as the catalogue does.</summary>
    internal static int Year(Random random) => 2024 - (int)(Math.Pow(random.NextDouble(), 2.2) * 74);

    internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
