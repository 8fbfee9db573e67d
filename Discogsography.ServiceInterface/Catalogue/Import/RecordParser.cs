using System.Xml;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>What a parser writes into while reading one record.</summary>
internal sealed class RecordContext(IReadOnlyList<CopyWriter> writers)
{
    /// <summary>The writers, in the order of the parser's <see cref="RecordParser.Tables"/>.</summary>
    public IReadOnlyList<CopyWriter> Writers { get; } = writers;

    /// <summary>The id of the record being read, once known (for error messages; formatted only if one is needed).</summary>
    public long? CurrentId { get; set; }
}

/// <summary>Reads one kind of dump record into rows of its source tables.</summary>
internal abstract class RecordParser
{
    /// <summary>The file kind.</summary>
    public abstract DumpKind Kind { get; }

    /// <summary>The record element (<c>release</c>); the root is its plural.</summary>
    public abstract string RecordElement { get; }

    /// <summary>The source tables written, in writer order.</summary>
    public abstract IReadOnlyList<CopyTable> Tables { get; }

    /// <summary>Reads the record the reader is on (and moves past it), writing its rows.</summary>
    public abstract void Parse(XmlReader reader, RecordContext context);

    /// <summary>The parser for a file kind.</summary>
    public static RecordParser For(DumpKind kind) => kind switch
    {
        DumpKind.Artists => new ArtistRecordParser(),
        DumpKind.Labels => new LabelRecordParser(),
        DumpKind.Masters => new MasterRecordParser(),
        _ => new ReleaseRecordParser(),
    };

    /// <summary>The source tables of every kind (used to carry over kinds an import does not replace).</summary>
    public static IReadOnlyList<CopyTable> TablesOf(DumpKind kind) => For(kind).Tables;
}
