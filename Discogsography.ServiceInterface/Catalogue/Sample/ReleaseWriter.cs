using System.Xml;

namespace Discogsography.ServiceInterface.Catalogue.Sample;

/// <summary>Writes one synthetic <c>&lt;release&gt;</c> with the real dump's elements.</summary>
internal sealed class ReleaseWriter(XmlWriter w, Random random, SyntheticNames names, ReleaseDates dates, int seed, int artistCount)
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
        Filler.Images(w, random, random.Next(1, 4));
        WriteArtists("artists", artists, random.Next(10) == 0 ? 2 : 1);
        w.WriteElementString("title", names.Title(random));
        WriteLabels(labels);
        WriteArtists("extraartists", artists, random.Next(4));
        WriteFormats();
        WriteGenresAndStyles(genres, styles);
        w.WriteElementString("country", Countries[random.Next(Countries.Length)]);
        w.WriteElementString("released", random.Next(8) == 0 ? "" : dates.Released(random));
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
            Filler.Credit(w, names, artists.Next() + 1, element == "artists" ? "" : "Producer");
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

    /// <summary>One or two genres, then one to three styles, each from one of those genres.</summary>
    private void WriteGenresAndStyles(ZipfSampler genreDraws, ZipfSampler styleDraws)
    {
        int[] genres = [.. Enumerable.Range(0, random.Next(4) == 0 ? 2 : 1).Select(_ => genreDraws.Next()).Distinct()];
        WriteNames("genres", "genre", genres.Select(g => GenreStyles.Genres[g]));
        var styles = Enumerable.Range(0, random.Next(1, 4)).Select(i => GenreStyles.StyleOf(genres[i % genres.Length], styleDraws.Next()));
        WriteNames("styles", "style", styles.Distinct().Select(GenreStyles.Style));
    }

    private void WriteNames(string element, string item, IEnumerable<string> values)
    {
        w.WriteStartElement(element);
        foreach (var value in values)
            w.WriteElementString(item, value);
        w.WriteEndElement();
    }
}
