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

    // Today's dump has about 19 M releases, 10 M artists, 2.3 M labels and 2.5 M masters.
    public int ArtistCount => Artists ?? Math.Max(50, (int)(Releases * 10L / 19));
    public int LabelCount => Labels ?? Math.Max(20, (int)(Releases * 23L / 190));
    public int MasterCount => Masters ?? Math.Max(10, (int)(Releases * 25L / 190));
}

/// <summary>
/// Writes a deterministic synthetic Discogs dump in the real XML format (the four gzip files), with the skew of
/// the real catalogue: a few artists, labels, genres and styles own most releases (Zipf-distributed choices).
/// Records carry realistic filler (images, tracklists, credits, notes) so parsing costs what a real dump costs.
/// </summary>
public sealed class SampleGenerator(SampleOptions options)
{
    private static readonly string[] Kinds = ["artists", "labels", "masters", "releases"];

    private readonly SyntheticNames names = new(options.Seed);
    private readonly ReleaseDates dates = new(options.Date);

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
        var writer = new ArtistWriter(w, random, names, options.Seed, options.ArtistCount);
        for (var id = 1; id <= options.ArtistCount; id++)
            writer.Write(id);
    }

    private void WriteLabels(XmlWriter w, Random random)
    {
        var writer = new LabelWriter(w, random, names, options.Seed, options.LabelCount);
        for (var id = 1; id <= options.LabelCount; id++)
            writer.Write(id);
    }

    private void WriteMasters(XmlWriter w, Random random)
    {
        var writer = new MasterWriter(w, random, names, dates, options);
        for (var id = 1; id <= options.MasterCount; id++)
            writer.Write(id);
    }

    private void WriteReleases(XmlWriter w, Random random)
    {
        var artists = new ZipfSampler(options.ArtistCount, 1.0, random);
        var labels = new ZipfSampler(options.LabelCount, 1.0, random);
        var genres = new ZipfSampler(GenreStyles.Genres.Length, 1.2, random);
        var styles = new ZipfSampler(GenreStyles.StyleCount, 1.0, random);
        var writer = new ReleaseWriter(w, random, names, dates, options.Seed, options.ArtistCount);
        for (var id = 1; id <= options.Releases; id++)
            writer.Write(id, artists, labels, genres, styles, options.MasterCount);
    }

    internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
