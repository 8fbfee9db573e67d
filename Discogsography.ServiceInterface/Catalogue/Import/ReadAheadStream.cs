using System.Buffers;
using System.Threading.Channels;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>
/// Reads its source on a thread of its own, a few chunks ahead of the reader: a dump's decompression runs on one core
/// while its XML is parsed on another, instead of the two taking turns on one. Memory is bounded by the chunks in
/// flight (4 × 1 MB); a failure of the source (a corrupt gzip stream) is thrown to the reader with its own type, at
/// the point of the stream where it happened.
/// </summary>
public sealed class ReadAheadStream : ReadOnlyStream
{
    private const int ChunkBytes = 1 << 20;
    private const int ChunksAhead = 4;

    private readonly Stream source;
    private readonly Channel<(byte[] Buffer, int Length)> chunks =
        Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource stop = new();
    private readonly Task producer;
    private (byte[] Buffer, int Length) current = ([], 0);
    private int offset;

    public ReadAheadStream(Stream source)
    {
        this.source = source;
        producer = Task.Factory.StartNew(Produce, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Produce()
    {
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                var length = source.ReadAtLeast(buffer.AsSpan(0, ChunkBytes), ChunkBytes, throwOnEndOfStream: false);
                if (length == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }
                // Waits while the reader is ChunksAhead behind; disposal cancels the wait.
                chunks.Writer.WriteAsync((buffer, length), stop.Token).AsTask().GetAwaiter().GetResult();
            }
            chunks.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            chunks.Writer.TryComplete();
        }
        catch (Exception e)
        {
            chunks.Writer.TryComplete(e);
        }
    }

    public override int Read(Span<byte> buffer)
    {
        if (offset == current.Length && !NextChunk())
            return 0;
        var count = Math.Min(buffer.Length, current.Length - offset);
        current.Buffer.AsSpan(offset, count).CopyTo(buffer);
        offset += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Gives the spent chunk back and waits for the next; false at the end (or throws the source's failure).</summary>
    private bool NextChunk()
    {
        if (current.Buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(current.Buffer);
        (current, offset) = (([], 0), 0);
        (byte[] Buffer, int Length) next;
        while (!chunks.Reader.TryRead(out next))
        {
            if (!chunks.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                chunks.Reader.Completion.GetAwaiter().GetResult();
                return false;
            }
        }
        current = next;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stop.Cancel();
            producer.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            while (chunks.Reader.TryRead(out var chunk))
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            source.Dispose();
            stop.Dispose();
        }
        base.Dispose(disposing);
    }
}
