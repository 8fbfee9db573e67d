using System.Xml;
using static Discogsography.ServiceInterface.Catalogue.Import.DumpXml;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>
/// <c>&lt;release id status&gt;</c>: title, main artists, labels (with catno), formats, genres, styles, country, released,
/// master. Relations are written once per distinct (release, artist/label/genre/style) — a label listed twice keeps
/// both catalogue numbers, comma-separated — so the build needs no DISTINCT over millions of rows.
/// </summary>
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
        context.CurrentId = id;
        var status = reader.GetAttribute("status");
        var release = new ReleaseRecord();
        ForEachChild(reader, child =>
        {
            switch (child.Name)
            {
                case "title": release.Title = Text(child); break;
                case "country": release.Country = NullIfEmpty(Text(child)); break;
                case "released": release.Released = NullIfEmpty(Text(child)); break;
                case "master_id": release.Master = Id(Text(child)); break;
                case "artists": ReadArtists(child, release); break;
                case "labels": ReadLabels(child, release); break;
                case "formats": ReadFormats(child, release.Formats); break;
                case "genres": ReadNames(child, release.Genres); break;
                case "styles": ReadNames(child, release.Styles); break;
                default: child.Skip(); break;
            }
        });
        release.Write(id, status, context.Writers);
    }

    private static void ReadArtists(XmlReader reader, ReleaseRecord release) =>
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
            if (artistId is { } found && !release.Artists.ContainsKey(found))
                release.Artists.Add(found, NullIfEmpty(name));
        });

    private static void ReadLabels(XmlReader reader, ReleaseRecord release) =>
        ForEachChild(reader, label =>
        {
            if (label.Name == "label" && Id(label.GetAttribute("id")) is { } labelId)
            {
                if (!release.Labels.TryGetValue(labelId, out var known))
                    release.Labels.Add(labelId, known = (NullIfEmpty(label.GetAttribute("name")), []));
                if (NullIfEmpty(label.GetAttribute("catno")) is { } catno && !known.Catnos.Contains(catno))
                    known.Catnos.Add(catno);
            }
            label.Skip();
        });

    private static void ReadFormats(XmlReader reader, List<string> formats) =>
        ForEachChild(reader, format =>
        {
            if (format.Name == "format" && NullIfEmpty(format.GetAttribute("name")) is { } name)
                formats.Add(name);
            format.Skip();
        });

    private static void ReadNames(XmlReader reader, List<string> names) =>
        ForEachChild(reader, item =>
        {
            if (NullIfEmpty(Text(item).Trim()) is { } name && !names.Contains(name))
                names.Add(name);
        });

    /// <summary>One release's fields and distinct relations, written when the record ends.</summary>
    private sealed class ReleaseRecord
    {
        public string? Title { get; set; }
        public string? Country { get; set; }
        public string? Released { get; set; }
        public long? Master { get; set; }
        public List<string> Formats { get; } = [];
        public Dictionary<long, string?> Artists { get; } = [];
        public Dictionary<long, (string? Name, List<string> Catnos)> Labels { get; } = [];
        public List<string> Genres { get; } = [];
        public List<string> Styles { get; } = [];

        public void Write(long id, string? status, IReadOnlyList<CopyWriter> w)
        {
            w[0].Row().Long(id).Text(Title).Text(status).Text(Country).Text(Released).Long(Master).TextArray(Formats);
            foreach (var (artist, name) in Artists)
                w[1].Row().Long(id).Long(artist).Text(name);
            foreach (var (label, (name, catnos)) in Labels)
                w[2].Row().Long(id).Long(label).Text(name).Text(catnos.Count > 0 ? string.Join(", ", catnos) : null);
            foreach (var genre in Genres)
                w[3].Row().Long(id).Text(genre);
            foreach (var style in Styles)
                w[4].Row().Long(id).Text(style);
        }
    }
}
