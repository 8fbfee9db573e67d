using System.Xml;

namespace Discogsography.ServiceInterface.Catalogue.Sample;

/// <summary>
/// Writes synthetic <c>&lt;artist&gt;</c>s in the real dump's mix, measured on the first 1,000 artists of the 2020-08-06
/// dump (327 bytes of XML each): real name on 13.5 %, aliases on 11.5 % (4.8 each), groups on 11.9 % (2.6 each),
/// members on 7.9 % (5.5 each, every member as an <c>&lt;id&gt;</c> and a <c>&lt;name id&gt;</c>), name variations on
/// 26 % (3.4 each), URLs on 14.5 % (3.2 each), images on 19.7 % (2.7 each), a profile on 21 % (246 bytes).
/// What the catalogue reads comes from the file's random stream; the rest from a stream of each artist's own.
/// </summary>
internal sealed class ArtistWriter(XmlWriter w, Random random, SyntheticNames names, int seed, int artistCount)
{
    private Random filler = null!;

    public void Write(int id)
    {
        filler = new Random(unchecked(seed * 104729 + id));
        w.WriteStartElement("artist");
        if (filler.Next(1000) < 197)
            Filler.Images(w, filler, filler.Next(1, 5));
        w.WriteElementString("id", SampleGenerator.Text(id));
        w.WriteElementString("name", names.Artist(id));
        if (random.Next(1000) < 135)
            w.WriteElementString("realname", names.Person(random));
        w.WriteElementString("profile", filler.Next(100) < 21 ? Filler.Sentence(filler, filler.Next(10, 70)) : "");
        w.WriteElementString("data_quality", filler.Next(3) == 0 ? "Correct" : "Needs Vote");
        if (filler.Next(1000) < 145)
            Filler.Urls(w, filler, names.Artist(id), filler.Next(1, 6));
        NameVariations(id);
        if (random.Next(1000) < 115)
            References("aliases", random.Next(1, 9), id, withIds: false);
        if (random.Next(1000) < 119)
            References("groups", random.Next(1, 5), id, withIds: false);
        if (random.Next(1000) < 79)
            References("members", random.Next(2, 10), id, withIds: true);
        w.WriteEndElement();
    }

    private void NameVariations(int id)
    {
        if (filler.Next(100) >= 26)
            return;
        w.WriteStartElement("namevariations");
        var name = names.Artist(id);
        for (var i = filler.Next(1, 7); i > 0; i--)
            w.WriteElementString("name", i % 2 == 0 ? name.ToUpperInvariant() : name + " " + (char)('A' + filler.Next(26)) + ".");
        w.WriteEndElement();
    }

    /// <summary>Up to <paramref name="count"/> other artists (a draw of the artist itself is dropped; no element if none is left).</summary>
    private void References(string element, int count, int self, bool withIds)
    {
        int[] others = [.. Enumerable.Range(0, count).Select(_ => random.Next(1, artistCount + 1)).Where(other => other != self)];
        if (others.Length == 0)
            return;
        w.WriteStartElement(element);
        foreach (var other in others)
        {
            if (withIds)
                w.WriteElementString("id", SampleGenerator.Text(other));
            Filler.Reference(w, "name", other, names.Artist(other));
        }
        w.WriteEndElement();
    }
}
