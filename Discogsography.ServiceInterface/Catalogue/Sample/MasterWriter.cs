using System.Xml;

namespace Discogsography.ServiceInterface.Catalogue.Sample;

/// <summary>
/// Writes synthetic <c>&lt;master&gt;</c>s in the real dump's mix, measured on the first 1,000 masters of the 2020-08-06
/// dump (1,300 bytes of XML each): images on 98.5 % (3.1 each), 1.17 artists, 1.3 genres, styles on 90 % (1.9 each),
/// videos on 57 % (3.8 each, with 130-byte descriptions), notes on 4 %, a year (4 % undated). The main release, the
/// year and the title (what the catalogue reads) come from the file's random stream; the rest from a stream of each
/// master's own.
/// </summary>
internal sealed class MasterWriter(XmlWriter w, Random random, SyntheticNames names, ReleaseDates dates, SampleOptions options)
{
    private Random filler = null!;

    public void Write(int id)
    {
        filler = new Random(unchecked(options.Seed * 49979687 + id));
        w.WriteStartElement("master");
        w.WriteAttributeString("id", SampleGenerator.Text(id));
        w.WriteElementString("main_release", SampleGenerator.Text(random.Next(1, options.Releases + 1)));
        if (filler.Next(1000) < 985)
            Filler.Images(w, filler, filler.Next(1, 6));
        Artists();
        var genres = Genres();
        Styles(genres);
        if (filler.Next(100) < 4)
            w.WriteElementString("notes", Filler.Sentence(filler, filler.Next(3, 20)));
        w.WriteElementString("year", random.Next(25) == 0 ? "0" : SampleGenerator.Text(dates.Year(random)));
        w.WriteElementString("title", names.Title(random));
        w.WriteElementString("data_quality", filler.Next(3) == 0 ? "Correct" : "Needs Vote");
        if (filler.Next(100) < 57)
            Videos();
        w.WriteEndElement();
    }

    private void Artists()
    {
        w.WriteStartElement("artists");
        for (var i = filler.Next(6) == 0 ? 2 : 1; i > 0; i--)
            Filler.Credit(w, names, filler.Next(1, options.ArtistCount + 1), role: "");
        w.WriteEndElement();
    }

    private int[] Genres()
    {
        int[] genres = [.. Enumerable.Range(0, filler.Next(10) < 7 ? 1 : 2).Select(_ => filler.Next(GenreStyles.Genres.Length)).Distinct()];
        w.WriteStartElement("genres");
        foreach (var genre in genres)
            w.WriteElementString("genre", GenreStyles.Genres[genre]);
        w.WriteEndElement();
        return genres;
    }

    private void Styles(int[] genres)
    {
        if (filler.Next(10) == 0)
            return;
        w.WriteStartElement("styles");
        var styles = Enumerable.Range(0, filler.Next(1, 4)).Select(i => GenreStyles.StyleOf(genres[i % genres.Length], filler.Next(20)));
        foreach (var style in styles.Distinct())
            w.WriteElementString("style", GenreStyles.Style(style));
        w.WriteEndElement();
    }

    private void Videos()
    {
        w.WriteStartElement("videos");
        for (var i = filler.Next(1, 7); i > 0; i--)
            Filler.Video(w, filler, titleWords: 5, descriptionWords: 22);
        w.WriteEndElement();
    }
}
