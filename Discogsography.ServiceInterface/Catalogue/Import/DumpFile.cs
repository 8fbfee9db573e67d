using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>The four files of a monthly Discogs data dump.</summary>
public enum DumpKind
{
    Artists,
    Labels,
    Masters,
    Releases,
}

/// <summary>One dump file: <c>discogs_YYYYMMDD_{artists,labels,masters,releases}.xml[.gz]</c>.</summary>
public sealed partial record DumpFile(string Path, DumpKind Kind, string? DumpDate)
{
    /// <summary>Recognizes a dump file by its name; throws with a clear message for anything else.</summary>
    public static DumpFile Of(string path)
    {
        var match = FileName().Match(System.IO.Path.GetFileName(path));
        if (!match.Success)
            throw new DumpFormatException($"{path}: not a Discogs dump file (expected discogs_YYYYMMDD_artists|labels|masters|releases.xml[.gz])");
        if (!File.Exists(path))
            throw new DumpFormatException($"{path}: no such file");
        var kind = Enum.Parse<DumpKind>(match.Groups["kind"].Value, ignoreCase: true);
        return new DumpFile(path, kind, match.Groups["date"].Success ? match.Groups["date"].Value : null);
    }

    /// <summary>True when <paramref name="fileName"/> is named like a dump file.</summary>
    public static bool IsDumpFileName(string fileName) => FileName().IsMatch(fileName);

    /// <summary>The dump files in <paramref name="directory"/>, the newest dump date of each kind.</summary>
    public static IReadOnlyList<DumpFile> InDirectory(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(f => FileName().IsMatch(System.IO.Path.GetFileName(f)))
            .Select(Of)
            .GroupBy(f => f.Kind)
            .Select(g => g.OrderByDescending(f => f.DumpDate, StringComparer.Ordinal).First())
            .OrderBy(f => f.Kind)
            .ToArray();

    /// <summary>True for gzip-compressed files.</summary>
    public bool IsCompressed => Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's size on disk, for progress.</summary>
    public long Size => new FileInfo(Path).Length;

    /// <summary>
    /// Opens the decompressed XML, counting compressed bytes read into <paramref name="counter"/>; a compressed file is
    /// decompressed ahead of the reader on a thread of its own.
    /// </summary>
    public Stream OpenXml(CountingStream counter) =>
        IsCompressed ? new ReadAheadStream(new GZipStream(counter, CompressionMode.Decompress, leaveOpen: true)) : counter;

    [GeneratedRegex(@"^discogs_(?<date>\d{8})_(?<kind>artists|labels|masters|releases)\.xml(\.gz)?$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();
}

/// <summary>A dump file that cannot be read: names the file, and for XML errors the line and the record.</summary>
public sealed class DumpFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A read-only stream wrapper that counts the bytes read through it (compressed progress).</summary>
public sealed class CountingStream(Stream inner) : ReadOnlyStream
{
    private long read;

    /// <summary>Bytes read so far (safe to read from another thread).</summary>
    public long BytesRead => Interlocked.Read(ref read);

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    private int Count(int n)
    {
        Interlocked.Add(ref read, n);
        return n;
    }

    public override long Length => inner.Length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
