using System.Xml;

namespace Discogsography.ServiceInterface.Catalogue.Sample;

/// <summary>
/// Writes synthetic <c>&lt;label&gt;</c>s in the real dump's mix, measured on the first 1,000 labels of the 2020-08-06
/// dump (243 bytes of XML each): a parent label on 8.3 %, sub-labels on 6.7 % (3.5 each), URLs on 14.9 % (2.9 each),
/// images on 24.6 % (1.7 each), a profile on 24 % (205 bytes), contact details on 12.7 % (93 bytes). Parents are
/// drawn up front, skewed towards the big old labels, so each label lists exactly the sub-labels that name it as
/// their parent. What the catalogue reads comes from the file's random stream; the rest from a stream of each
/// label's own.
/// </summary>
internal sealed class LabelWriter
{
    private readonly XmlWriter w;
    private readonly SyntheticNames names;
    private readonly int seed;
    private readonly int[] parents;
    private readonly ILookup<int, int> children;

    public LabelWriter(XmlWriter w, Random random, SyntheticNames names, int seed, int labelCount)
    {
        (this.w, this.names, this.seed) = (w, names, seed);
        parents = new int[labelCount + 1];
        for (var id = 11; id <= labelCount; id++)
            if (random.Next(1000) < 83)
                parents[id] = 1 + (int)(Math.Pow(random.NextDouble(), 2) * (id - 1));
        children = Enumerable.Range(1, labelCount).Where(id => parents[id] > 0).ToLookup(id => parents[id]);
    }

    public void Write(int id)
    {
        var filler = new Random(unchecked(seed * 15485863 + id));
        w.WriteStartElement("label");
        if (filler.Next(1000) < 246)
            Filler.Images(w, filler, filler.Next(1, 3));
        w.WriteElementString("id", SampleGenerator.Text(id));
        w.WriteElementString("name", names.Label(id));
        if (filler.Next(1000) < 127)
            w.WriteElementString("contactinfo", Filler.Sentence(filler, filler.Next(8, 24)));
        if (filler.Next(100) < 24)
            w.WriteElementString("profile", Filler.Sentence(filler, filler.Next(10, 60)));
        w.WriteElementString("data_quality", filler.Next(3) == 0 ? "Correct" : "Needs Vote");
        if (filler.Next(1000) < 149)
            Filler.Urls(w, filler, names.Label(id), filler.Next(1, 5));
        if (parents[id] > 0)
            Filler.Reference(w, "parentLabel", parents[id], names.Label(parents[id]));
        SubLabels(id);
        w.WriteEndElement();
    }

    /// <summary>Sub-labels as today's dumps write them, <c>&lt;label id="…"&gt;Name&lt;/label&gt;</c> (the 2020 sample
    /// has them emptied: <c>&lt;label/&gt;</c>).</summary>
    private void SubLabels(int id)
    {
        if (!children.Contains(id))
            return;
        w.WriteStartElement("sublabels");
        foreach (var child in children[id])
            Filler.Reference(w, "label", child, names.Label(child));
        w.WriteEndElement();
    }
}
