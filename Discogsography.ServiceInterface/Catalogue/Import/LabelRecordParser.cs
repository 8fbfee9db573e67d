using System.Xml;
using static Discogsography.ServiceInterface.Catalogue.Import.DumpXml;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary><c>&lt;label&gt;</c>: id, name and parent label.</summary>
internal sealed class LabelRecordParser : RecordParser
{
    public override DumpKind Kind => DumpKind.Labels;

    public override string RecordElement => "label";

    public override IReadOnlyList<CopyTable> Tables { get; } = [new("src_labels", "id, name, parent_id, parent_name")];

    public override void Parse(XmlReader reader, RecordContext context)
    {
        long? id = null, parentId = null;
        string? name = null, parentName = null;
        ForEachChild(reader, child =>
        {
            switch (child.Name)
            {
                case "id":
                    id = Id(Text(child));
                    context.CurrentId = id;
                    break;
                case "name": name = Text(child); break;
                case "parentLabel":
                    parentId = Id(child.GetAttribute("id"));
                    parentName = NullIfEmpty(Text(child));
                    break;
                default: child.Skip(); break;
            }
        });
        if (id is not { } labelId || string.IsNullOrEmpty(name))
            throw new XmlException("a label without an id or a name");
        context.Writers[0].Row().Long(labelId).Text(name).Long(parentId).Text(parentName);
    }
}
