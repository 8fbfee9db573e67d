using System.Xml;

namespace Discogsography.ServiceInterface.Catalogue.Sample;

/// <summary>
/// The parts of a release the catalogue does not read but a parser must get through — more credits, companies,
/// barcodes, sub-tracks, format descriptions — drawn from a random stream of their own per release, so they add the
/// real dump's bulk without changing anything the catalogue is built from. Proportions measured on the first 1,000
/// releases of the 2020-08-06 dump: extra artists on 68 % (4.0 each), companies on 45 %, identifiers on 53 %,
/// sub-tracks on 2 %; 4,505 bytes of XML per release in all.
/// </summary>
internal sealed class ReleaseCredits(XmlWriter w, Random random, SyntheticNames names, int artistCount)
{
    private static readonly string[] Roles =
    [
        "Producer", "Written-By", "Mixed By", "Mastered By", "Engineer", "Photography By", "Design", "Lacquer Cut By",
        "Arranged By", "Vocals", "Guitar", "Bass", "Drums", "Keyboards", "Remix", "Artwork", "Liner Notes",
    ];

    private static readonly string[] Companies =
        ["Pressed By", "Distributed By", "Phonographic Copyright (p)", "Copyright (c)", "Recorded At", "Mastered At", "Manufactured By",
            "Printed By"];

    private static readonly string[] Descriptions = ["LP", "Album", "Stereo", "Reissue", "Remastered", "Limited Edition", "12\"",
        "33 ⅓ RPM", "Compilation"];

    /// <summary>Credits beyond the first few, inside <c>&lt;extraartists&gt;</c>.</summary>
    public void ExtraArtists()
    {
        if (random.Next(100) < 68)
            Credits(random.Next(1, 7));
    }

    private void Credits(int count)
    {
        for (var i = count; i > 0; i--)
        {
            var artist = random.Next(1, artistCount + 1);
            var role = Roles[random.Next(Roles.Length)];
            Filler.Credit(w, names, artist, role, random.Next(4) == 0 ? $"A{random.Next(1, 5)} to B{random.Next(1, 5)}" : "");
        }
    }

    /// <summary>More <c>&lt;description&gt;</c>s of a format.</summary>
    public void FormatDescriptions()
    {
        for (var i = random.Next(0, 3); i > 0; i--)
            w.WriteElementString("description", Descriptions[random.Next(Descriptions.Length)]);
    }

    /// <summary>A barcode beside the matrix numbers, inside <c>&lt;identifiers&gt;</c>.</summary>
    public void Barcode()
    {
        if (random.Next(100) >= 40)
            return;
        w.WriteStartElement("identifier");
        w.WriteAttributeString("type", "Barcode");
        w.WriteAttributeString("value", $"{random.Next(100000, 999999)} {random.Next(100000, 999999)}");
        w.WriteEndElement();
    }

    /// <summary>What a track carries besides its title: its own credits (half the tracks), rarely a medley of sub-tracks.</summary>
    public void TrackExtras(int track)
    {
        if (random.Next(2) == 0)
        {
            w.WriteStartElement("extraartists");
            Credits(random.Next(1, 5));
            w.WriteEndElement();
        }
        if (random.Next(400) != 0)
            return;
        w.WriteStartElement("sub_tracks");
        for (var i = 1; i <= random.Next(2, 5); i++)
        {
            w.WriteStartElement("track");
            w.WriteElementString("position", $"A{track}.{i}");
            w.WriteElementString("title", Filler.Sentence(random, random.Next(1, 4)));
            w.WriteElementString("duration", "");
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>More videos where a release has some, inside <c>&lt;videos&gt;</c>.</summary>
    public void MoreVideos()
    {
        for (var i = random.Next(0, 3); i > 0; i--)
            Filler.Video(w, random, titleWords: 6, descriptionWords: 30);
    }

    /// <summary>Pressing plants, distributors, studios: <c>&lt;companies&gt;</c>.</summary>
    public void CompanyList()
    {
        if (random.Next(100) >= 45)
            return;
        w.WriteStartElement("companies");
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            var id = random.Next(1, 500_000);
            w.WriteStartElement("company");
            w.WriteElementString("id", SampleGenerator.Text(id));
            w.WriteElementString("name", names.Label(id));
            w.WriteElementString("catno", random.Next(3) == 0 ? $"CAT{random.Next(1, 9999):0000}" : "");
            w.WriteElementString("entity_type", SampleGenerator.Text(random.Next(4, 30)));
            w.WriteElementString("entity_type_name", Companies[random.Next(Companies.Length)]);
            w.WriteElementString("resource_url", $"https://api.discogs.com/labels/{id}");
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
