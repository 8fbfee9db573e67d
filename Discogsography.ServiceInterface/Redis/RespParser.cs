using System.Buffers;
using System.Buffers.Text;

namespace Discogsography.ServiceInterface.Redis;

/// <summary>
/// An incremental, strict RESP2 reply parser (https://redis.io/docs/latest/develop/reference/protocol-spec/).
/// <see cref="TryParse"/> returns false when the buffer holds only part of a reply, so replies may arrive split
/// at any byte; malformed input (bad type byte, missing CRLF, bad lengths, non-digits) throws
/// <see cref="RedisProtocolException"/> instead of guessing.
/// </summary>
public static class RespParser
{
    /// <summary>Largest bulk string accepted: Redis's own proto-max-bulk-len default (512 MB).</summary>
    public const long MaxBulkLength = 512L * 1024 * 1024;

    /// <summary>Longest header or simple-string line accepted before giving up on a peer that sends no CRLF.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Deepest array nesting accepted (Redis replies nest a few levels at most).</summary>
    public const int MaxDepth = 32;

    /// <summary>Parses one complete reply from the start of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Bytes received so far.</param>
    /// <param name="value">The reply, when complete.</param>
    /// <param name="consumed">Where the reply ends, when complete.</param>
    /// <returns>True when a whole reply was read; false when more bytes are needed.</returns>
    public static bool TryParse(ReadOnlySequence<byte> buffer, out RespValue? value, out SequencePosition consumed)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (TryRead(ref reader, 0, out value))
        {
            consumed = reader.Position;
            return true;
        }
        consumed = buffer.Start;
        return false;
    }

    private static bool TryRead(ref SequenceReader<byte> reader, int depth, out RespValue? value)
    {
        value = null;
        if (!reader.TryPeek(out var type))
            return false;
        if (!TryReadLine(ref reader, out var line))
            return false;
        var payload = line[1..];
        switch ((char)type)
        {
            case '+': value = RespValue.SimpleString(payload); return true;
            case '-': value = RespValue.Error(payload); return true;
            case ':': value = RespValue.FromInteger(ParseInteger(payload)); return true;
            case '$': return TryReadBulk(ref reader, ParseInteger(payload), out value);
            case '*': return TryReadArray(ref reader, ParseInteger(payload), depth, out value);
            default: throw new RedisProtocolException($"Unknown RESP type byte 0x{type:X2}");
        }
    }

    private static bool TryReadBulk(ref SequenceReader<byte> reader, long length, out RespValue? value)
    {
        value = null;
        if (length == -1)
        {
            value = RespValue.BulkString(null);
            return true;
        }
        if (length < -1 || length > MaxBulkLength)
            throw new RedisProtocolException($"Invalid bulk string length {length}");
        if (reader.Remaining < length + 2)
            return false;
        var bytes = new byte[length];
        reader.TryCopyTo(bytes);
        reader.Advance(length);
        if (!reader.IsNext("\r\n"u8, advancePast: true))
            throw new RedisProtocolException("Bulk string is not terminated by CRLF");
        value = RespValue.BulkString(bytes);
        return true;
    }

    private static bool TryReadArray(ref SequenceReader<byte> reader, long count, int depth, out RespValue? value)
    {
        value = null;
        if (count == -1)
        {
            value = RespValue.Array(null);
            return true;
        }
        if (count < -1 || count > int.MaxValue)
            throw new RedisProtocolException($"Invalid array length {count}");
        if (depth >= MaxDepth)
            throw new RedisProtocolException($"Arrays nested deeper than {MaxDepth}");
        var items = new RespValue[count];
        for (var i = 0; i < count; i++)
        {
            if (!TryRead(ref reader, depth + 1, out var item))
                return false;
            items[i] = item!;
        }
        value = RespValue.Array(items);
        return true;
    }

    /// <summary>Reads a line up to CRLF (type byte included); a CR not followed by LF, or a lone LF, is an error.</summary>
    private static bool TryReadLine(ref SequenceReader<byte> reader, out byte[] line)
    {
        line = [];
        if (!reader.TryReadTo(out ReadOnlySequence<byte> content, (byte)'\r', advancePastDelimiter: false))
        {
            if (reader.Remaining > MaxLineLength)
                throw new RedisProtocolException($"No CRLF within {MaxLineLength} bytes");
            return false;
        }
        if (reader.Remaining < 2)
        {
            reader.Rewind(content.Length);
            return false;
        }
        if (!reader.IsNext("\r\n"u8, advancePast: true))
            throw new RedisProtocolException("CR not followed by LF");
        line = content.ToArray();
        if (line.AsSpan().Contains((byte)'\n'))
            throw new RedisProtocolException("Line contains a bare LF");
        return true;
    }

    private static long ParseInteger(ReadOnlySpan<byte> digits)
    {
        // The spec allows an explicit sign on integers: ":[<+|->]<value>\r\n".
        var unsigned = digits.Length > 1 && digits[0] == (byte)'+' ? digits[1..] : digits;
        if (unsigned.Length == 0 || unsigned[0] == (byte)'+' || !Utf8Parser.TryParse(unsigned, out long value, out var used) || used != unsigned.Length)
            throw new RedisProtocolException($"Invalid RESP integer '{System.Text.Encoding.ASCII.GetString(digits)}'");
        return value;
    }
}
