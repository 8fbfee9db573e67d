using System.IO.Compression;
using Discogsography.ServiceInterface.Catalogue.Import;

namespace Discogsography.Tests.Unit;

public sealed class ReadAheadStreamTests
{
    [TestCase(1)]
    [TestCase(4096)]
    [TestCase(3 << 20)]
    public void It_reads_exactly_the_sources_bytes_whatever_the_readers_buffer(int readSize)
    {
        var data = new byte[(5 << 20) + 12345];
        new Random(7).NextBytes(data);
        using var stream = new ReadAheadStream(new MemoryStream(data));

        var copy = new MemoryStream();
        var buffer = new byte[readSize];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            copy.Write(buffer, 0, n);

        Assert.That(copy.ToArray(), Is.EqualTo(data));
        Assert.That(stream.Read(buffer, 0, buffer.Length), Is.Zero, "and stays at the end");
    }

    [Test]
    public void A_corrupt_gzip_stream_fails_the_reader_with_the_decompressors_own_exception()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(new byte[3 << 20]);
        var bytes = compressed.ToArray();
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 64; i++)
            bytes[i] ^= 0x5A;

        using var stream = new ReadAheadStream(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress));

        Assert.Throws<InvalidDataException>(() => stream.CopyTo(Stream.Null));
    }

    [Test]
    public void Disposing_it_half_read_stops_the_reading_ahead_and_closes_the_source()
    {
        var source = new EndlessStream();
        var stream = new ReadAheadStream(source);
        stream.ReadExactly(new byte[100]);

        stream.Dispose();

        Assert.That(source.Disposed, Is.True);
        var readsAtDispose = source.Reads;
        Thread.Sleep(50);
        Assert.That(source.Reads, Is.EqualTo(readsAtDispose), "no reads after disposal");
    }

    private sealed class EndlessStream : ReadOnlyStream
    {
        public int Reads;
        public bool Disposed;

        public override int Read(byte[] buffer, int offset, int count)
        {
            Interlocked.Increment(ref Reads);
            return count;
        }

        protected override void Dispose(bool disposing) => Disposed = true;
    }
}
