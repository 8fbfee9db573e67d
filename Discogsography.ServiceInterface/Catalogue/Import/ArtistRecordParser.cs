using System.Xml;
using static Discogsography.ServiceInterface.Catalogue.Import.DumpXml;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary><c>&lt;artist&gt;</c>: id, name, real name, aliases, members and groups (references with their names).</summary>
internal sealed class ArtistRecordParser : RecordParser
{
    public override DumpKind Kind => DumpKind.Artists;

    public override string RecordElement => "artist";

    public override IReadOnlyList<CopyTable> Tables { get; } =
    [
        new("src_artists", "id, name, real_name"),
        new("src_artist_aliases", "artist_id, alias_id, alias_name"),
        new("src_artist_members", "group_id, member_id, member_name"),
        new("src_artist_groups", "artist_id, group_id, group_name"),
    ];

    public override void Parse(XmlReader reader, RecordContext context)
    {
        long? id = null;
        string? name = null, realName = null;
        // The id may come after other children: references are kept until the record ends (a record is small).
        var references = new List<(int Table, long Id, string? Name)>();
        ForEachChild(reader, child =>
        {
            switch (child.Name)
            {
                case "id":
                    id = Id(Text(child));
                    context.CurrentId = id;
                    break;
                case "name": name = Text(child); break;
                case "realname": realName = NullIfEmpty(Text(child)); break;
                case "aliases": ReadReferences(child, 1, references); break;
                case "members": ReadReferences(child, 2, references); break;
                case "groups": ReadReferences(child, 3, references); break;
                default: child.Skip(); break;
            }
        });
        if (id is not { } artistId || string.IsNullOrEmpty(name))
            throw new XmlException("an artist without an id or a name");
        context.Writers[0].Row().Long(artistId).Text(name).Text(realName);
        foreach (var (table, otherId, otherName) in references)
            context.Writers[table].Row().Long(artistId).Long(otherId).Text(otherName);
    }

    /// <summary><c>&lt;name id="…"&gt;Name&lt;/name&gt;</c> children; members also list bare <c>&lt;id&gt;</c>s, which
    /// are skipped.</summary>
    private static void ReadReferences(XmlReader reader, int table, List<(int, long, string?)> references) =>
        ForEachChild(reader, item =>
        {
            if (item.Name == "name" && Id(item.GetAttribute("id")) is { } otherId)
                references.Add((table, otherId, NullIfEmpty(Text(item))));
            else
                item.Skip();
        });
}
