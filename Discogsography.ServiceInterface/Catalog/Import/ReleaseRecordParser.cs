using System.Xml;
using static Discogsography.ServiceInterface.Catalog.Import.DumpXml;

namespace Discogsography.ServiceInterface.Catalog.Import;

/// <summary><c>&lt;release id status&gt;</c>: title, main artists, labels (with catno), formats, genres, styles, country, released, master.</summary>
internal sealed class ReleaseRecordParser : RecordParser
{
    public override DumpKind Kind => DumpKind.Releases;

    public override string RecordElement => "release";

    public override IReadOnlyList<CopyTable> Tables { get; } =
    [
        new("src_releases", "id, title, status, country, released, master_id, formats"),
        new("src_release_artists", "release_id, artist_id, artist_name"),
        new("src_release_labels", "release_id, label_id, label_name, catno"),
        new("src_release_genres", "release_id, genre"),
        new("src_release_styles", "release_id, style"),
    ];

    public override void Parse(XmlReader reader, RecordContext context)
    {
        var id = Id(reader.GetAttribute("id")) ?? throw new XmlException("a release without a positive id attribute");
        context.CurrentId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var status = reader.GetAttribute("status");
        var w = context.Writers;
        string? title = null, country = null, released = null;
        long? master = null;
        var formats = new List<string>();
        ForEachChild(reader, child =>
        {
            switch (child.Name)
            {
                case "title": title = Text(child); break;
                case "country": country = NullIfEmpty(Text(child)); break;
                case "released": released = NullIfEmpty(Text(child)); break;
                case "master_id": master = Id(Text(child)); break;
                case "artists": ReadArtists(child, id, w[1]); break;
                case "labels": ReadLabels(child, id, w[2]); break;
                case "formats": ReadFormats(child, formats); break;
                case "genres": ReadNames(child, id, w[3]); break;
                case "styles": ReadNames(child, id, w[4]); break;
                default: child.Skip(); break;
            }
        });
        w[0].Row().Long(id).Text(title).Text(status).Text(country).Text(released).Long(master).TextArray(formats);
    }

    private static void ReadArtists(XmlReader reader, long releaseId, CopyWriter writer) =>
        ForEachChild(reader, artist =>
        {
            if (artist.Name != "artist")
            {
                artist.Skip();
                return;
            }
            long? artistId = null;
            string? name = null;
            ForEachChild(artist, field =>
            {
                if (field.Name == "id")
                    artistId = Id(Text(field));
                else if (field.Name == "name")
                    name = Text(field);
                else
                    field.Skip();
            });
            if (artistId is { } found)
                writer.Row().Long(releaseId).Long(found).Text(NullIfEmpty(name));
        });

    private static void ReadLabels(XmlReader reader, long releaseId, CopyWriter writer) =>
        ForEachChild(reader, label =>
        {
            if (label.Name == "label" && Id(label.GetAttribute("id")) is { } labelId)
                writer.Row().Long(releaseId).Long(labelId).Text(NullIfEmpty(label.GetAttribute("name"))).Text(NullIfEmpty(label.GetAttribute("catno")));
            label.Skip();
        });

    private static void ReadFormats(XmlReader reader, List<string> formats) =>
        ForEachChild(reader, format =>
        {
            if (format.Name == "format" && NullIfEmpty(format.GetAttribute("name")) is { } name)
                formats.Add(name);
            format.Skip();
        });

    private static void ReadNames(XmlReader reader, long releaseId, CopyWriter writer) =>
        ForEachChild(reader, item =>
        {
            if (NullIfEmpty(Text(item).Trim()) is { } name)
                writer.Row().Long(releaseId).Text(name);
        });
}
