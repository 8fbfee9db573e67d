using System.Xml;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>What loading one file produced.</summary>
public sealed record FileLoadResult(DumpFile File, long Records, IReadOnlyDictionary<string, long> RowsByTable);

/// <summary>
/// Streams one dump file into its source tables in the staging schema: gzip → XmlReader → one record at a time →
/// binary COPY, so memory does not grow with the file. A malformed or truncated file raises
/// <see cref="DumpFormatException"/> naming the file, the line and the record.
/// </summary>
public static class DumpLoader
{
    private const int ReadBufferBytes = 1 << 20;

    /// <summary>Reads and checks a file without writing anything (for <c>import --parse-only</c> and its benchmark).</summary>
    public static async Task<FileLoadResult> ParseOnlyAsync(DumpFile file, IImportProgress progress, CancellationToken cancellationToken)
    {
        var parser = RecordParser.For(file.Kind);
        using var fileProgress = progress.StartFile(file);
        var records = await OnOwnThread(() =>
            ParseFile(file, parser, new RecordContext(parser.Tables.Select(_ => CopyWriter.Discard).ToArray()), fileProgress,
            cancellationToken), cancellationToken);
        fileProgress.Complete(records);
        return new FileLoadResult(file, records, new Dictionary<string, long>());
    }

    /// <summary>
    /// Runs the parse on a thread of its own: it is busy for minutes (CPU, and COPY buffers flushed synchronously), and
    /// on a thread-pool thread it would leave a small machine's pool short of threads for requests.
    /// </summary>
    private static Task<long> OnOwnThread(Func<long> parse, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(parse, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static async Task<FileLoadResult> LoadAsync(DumpFile file, NpgsqlDataSource database, string schema, IImportProgress progress,
        CancellationToken cancellationToken)
    {
        var parser = RecordParser.For(file.Kind);
        var writers = new List<CopyWriter>();
        try
        {
            foreach (var table in parser.Tables)
                writers.Add(await CopyWriter.OpenAsync(database, schema, table, cancellationToken));
            using var fileProgress = progress.StartFile(file);
            var records = await OnOwnThread(() => ParseFile(file, parser, new RecordContext(writers), fileProgress, cancellationToken),
                cancellationToken);
            foreach (var writer in writers)
                await writer.CompleteAsync(cancellationToken);
            fileProgress.Complete(records);
            return new FileLoadResult(file, records, parser.Tables.Zip(writers).ToDictionary(p => p.First.Name, p => p.Second.Rows));
        }
        finally
        {
            foreach (var writer in writers)
                await writer.DisposeAsync();
        }
    }

    private static long ParseFile(DumpFile file, RecordParser parser, RecordContext context, IFileProgress progress,
        CancellationToken cancellationToken)
    {
        using var counting = new CountingStream(new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferBytes,
            FileOptions.SequentialScan));
        using var xml = file.OpenXml(counting);
        using var reader = DumpXml.Open(xml);
        long records = 0;
        long? lastId = null;
        try
        {
            foreach (var _ in Records(reader, parser))
            {
                context.CurrentId = null;
                parser.Parse(reader, context);
                lastId = context.CurrentId;
                if (++records % 1000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress.Report(records, counting.BytesRead);
                }
            }
            return records;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or EndOfStreamException)
        {
            var (line, position) = e is XmlException { LineNumber: > 0 } x ? (x.LineNumber, x.LinePosition)
                : reader is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);
            var where = line > 0 ? $"line {line}, position {position}" : "an unknown position";
            var record = context.CurrentId is { } id ? $"record id {id}" : lastId is { } last
                ? $"after record id {last}" : "before the first record";
            throw new DumpFormatException($"{Path.GetFileName(file.Path)}: malformed dump at {where} ({record}): {e.Message}", e);
        }
    }

    /// <summary>Positions the reader on each record element under the root, checking the root's name.</summary>
    private static IEnumerable<bool> Records(XmlReader reader, RecordParser parser)
    {
        var root = parser.RecordElement + "s";
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.Name != root)
            throw new XmlException($"expected the <{root}> root element, found <{reader.Name}>");
        if (reader.IsEmptyElement)
            yield break;
        reader.Read();
        while (!reader.EOF && reader.Depth >= 1)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.Name == parser.RecordElement)
                yield return true;
            else if (reader.NodeType == XmlNodeType.Element)
                reader.Skip();
            else
                reader.Read();
        }
    }
}
