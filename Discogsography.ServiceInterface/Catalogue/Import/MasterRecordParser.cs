using System.Xml;
using static Discogsography.ServiceInterface.Catalogue.Import.DumpXml;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary><c>&lt;master id&gt;</c>: title, year (0 or missing → none) and main release.</summary>
internal sealed class MasterRecordParser : RecordParser
{
    public override DumpKind Kind => DumpKind.Masters;

    public override string RecordElement => "master";

    public override IReadOnlyList<CopyTable> Tables { get; } = [new("src_masters", "id, title, year, main_release_id")];

    public override void Parse(XmlReader reader, RecordContext context)
    {
        var id = Id(reader.GetAttribute("id")) ?? throw new XmlException("a master without a positive id attribute");
        context.CurrentId = id;
        string? title = null;
        int? year = null;
        long? mainRelease = null;
        ForEachChild(reader, child =>
        {
            switch (child.Name)
            {
                case "title": title = Text(child); break;
                case "year": year = Year(Text(child)); break;
                case "main_release": mainRelease = Id(Text(child)); break;
                default: child.Skip(); break;
            }
        });
        context.Writers[0].Row().Long(id).Text(title).Int(year).Long(mainRelease);
    }
}
