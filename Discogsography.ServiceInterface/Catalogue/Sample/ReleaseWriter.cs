using System.Xml;

namespace Discogsography.ServiceInterface.Catalogue.Sample;

/// <summary>Writes one synthetic <c>&lt;release&gt;</c> with the real dump's elements.</summary>
internal sealed class ReleaseWriter(XmlWriter w, Random random, SyntheticNames names, IReadOnlyList<string> genreNames, int seed,
    int artistCount)
{
    private ReleaseCredits credits = null!;

    private static readonly string[] Formats = ["Vinyl", "CD", "Cassette", "File", "Box Set"];
    private static readonly string[] Countries = ["US", "UK", "Germany", "France", "Japan", "Netherlands", "Italy", "Sweden", "Canada",
        "Belgium"];

    public void Write(int id, ZipfSampler artists, ZipfSampler labels, ZipfSampler genres, ZipfSampler styles, int masterCount)
    {
        credits = new ReleaseCredits(w, new Random(unchecked(seed * 7919 + id)), names, artistCount);
        w.WriteStartElement("release");
        w.WriteAttributeString("id", SampleGenerator.Text(id));
        w.WriteAttributeString("status", "Accepted");
        Filler.Images(w, random);
        WriteArtists("artists", artists, random.Next(10) == 0 ? 2 : 1);
        w.WriteElementString("title", names.Title(random));
        WriteLabels(labels);
        WriteArtists("extraartists", artists, random.Next(4));
        WriteFormats();
        WriteNames("genres", "genre", genres, random.Next(4) == 0 ? 2 : 1, i => genreNames[i]);
        WriteNames("styles", "style", styles, random.Next(1, 4), names.Style);
        w.WriteElementString("country", Countries[random.Next(Countries.Length)]);
        w.WriteElementString("released", random.Next(8) == 0 ? "" : $"{SampleGenerator.Year(random)}-{random.Next(0, 13):00}-00");
        w.WriteElementString("notes", Filler.Sentence(random, 20));
        w.WriteElementString("data_quality", "Needs Vote");
        if (random.Next(10) < 6)
        {
            w.WriteStartElement("master_id");
            w.WriteAttributeString("is_main_release", random.Next(2) == 0 ? "true" : "false");
            w.WriteString(SampleGenerator.Text(random.Next(1, masterCount + 1)));
            w.WriteEndElement();
        }
        Filler.Tracklist(w, random, credits.TrackExtras);
        Filler.Identifiers(w, random, credits.Barcode);
        Filler.Videos(w, random, credits.MoreVideos);
        credits.CompanyList();
        w.WriteEndElement();
    }

    private void WriteArtists(string element, ZipfSampler artists, int count)
    {
        w.WriteStartElement(element);
        for (var i = 0; i < count; i++)
        {
            var artist = artists.Next() + 1;
            w.WriteStartElement("artist");
            w.WriteElementString("id", SampleGenerator.Text(artist));
            w.WriteElementString("name", names.Artist(artist));
            w.WriteElementString("anv", "");
            w.WriteElementString("join", "");
            w.WriteElementString("role", element == "artists" ? "" : "Producer");
            w.WriteElementString("tracks", "");
            w.WriteEndElement();
        }
        if (element == "extraartists")
            credits.ExtraArtists();
        w.WriteEndElement();
    }

    private void WriteLabels(ZipfSampler labels)
    {
        w.WriteStartElement("labels");
        for (var i = random.Next(10) == 0 ? 2 : 1; i > 0; i--)
        {
            var label = labels.Next() + 1;
            w.WriteStartElement("label");
            w.WriteAttributeString("name", names.Label(label));
            w.WriteAttributeString("catno", $"CAT{random.Next(1, 9999):0000}");
            w.WriteAttributeString("id", SampleGenerator.Text(label));
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private void WriteFormats()
    {
        w.WriteStartElement("formats");
        w.WriteStartElement("format");
        w.WriteAttributeString("name", Formats[random.Next(Formats.Length)]);
        w.WriteAttributeString("qty", "1");
        w.WriteAttributeString("text", "");
        w.WriteStartElement("descriptions");
        w.WriteElementString("description", "Album");
        credits.FormatDescriptions();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private void WriteNames(string element, string item, ZipfSampler sampler, int count, Func<int, string> nameOf)
    {
        w.WriteStartElement(element);
        foreach (var index in Enumerable.Range(0, count).Select(_ => sampler.Next()).Distinct())
            w.WriteElementString(item, nameOf(index));
        w.WriteEndElement();
    }
}
