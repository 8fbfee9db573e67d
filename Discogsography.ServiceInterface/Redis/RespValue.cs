using System.Text;

namespace Discogsography.ServiceInterface.Redis;

/// <summary>The five RESP2 reply types (https://redis.io/docs/latest/develop/reference/protocol-spec/).</summary>
public enum RespType
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
}

/// <summary>One parsed RESP2 reply. Null bulk strings and null arrays have <see cref="IsNull"/> set.</summary>
public sealed class RespValue
{
    private RespValue(RespType type, byte[]? bytes, long integer, IReadOnlyList<RespValue>? items)
    {
        Type = type;
        Bytes = bytes;
        Integer = integer;
        Items = items;
    }

    /// <summary>The reply type.</summary>
    public RespType Type { get; }

    /// <summary>The payload of simple strings, errors and bulk strings; null for a null bulk string.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The value of an integer reply.</summary>
    public long Integer { get; }

    /// <summary>The elements of an array reply; null for a null array.</summary>
    public IReadOnlyList<RespValue>? Items { get; }

    /// <summary>True for the null bulk string (<c>$-1</c>) and the null array (<c>*-1</c>).</summary>
    public bool IsNull => Type is RespType.BulkString ? Bytes is null : Type is RespType.Array && Items is null;

    /// <summary>The payload decoded as UTF-8 (the reference's client uses <c>decode_responses=True</c>).</summary>
    public string? Text => Bytes is null ? null : Encoding.UTF8.GetString(Bytes);

    public static RespValue SimpleString(byte[] bytes) => new(RespType.SimpleString, bytes, 0, null);
    public static RespValue Error(byte[] bytes) => new(RespType.Error, bytes, 0, null);
    public static RespValue FromInteger(long value) => new(RespType.Integer, null, value, null);
    public static RespValue BulkString(byte[]? bytes) => new(RespType.BulkString, bytes, 0, null);
    public static RespValue Array(IReadOnlyList<RespValue>? items) => new(RespType.Array, null, 0, items);

    public override string ToString() => Type switch
    {
        RespType.Integer => $"(integer) {Integer}",
        RespType.Array => IsNull ? "(nil array)" : $"[{string.Join(", ", Items!)}]",
        _ => IsNull ? "(nil)" : $"{Type}:{Text}",
    };
}
