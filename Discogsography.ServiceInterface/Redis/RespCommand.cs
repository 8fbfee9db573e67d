using System.Buffers;
using System.Globalization;
using System.Text;

namespace Discogsography.ServiceInterface.Redis;

/// <summary>
/// Encodes commands as RESP2 arrays of bulk strings. Command names are pre-encoded once (the table below), so
/// building a frame only encodes the arguments.
/// </summary>
public static class RespCommand
{
    public static readonly byte[] Auth = Name("AUTH");
    public static readonly byte[] Select = Name("SELECT");
    public static readonly byte[] Ping = Name("PING");
    public static readonly byte[] Get = Name("GET");
    public static readonly byte[] Set = Name("SET");
    public static readonly byte[] Del = Name("DEL");
    public static readonly byte[] Exists = Name("EXISTS");
    public static readonly byte[] Pttl = Name("PTTL");
    public static readonly byte[] Eval = Name("EVAL");
    public static readonly byte[] FlushDb = Name("FLUSHDB");
    public static readonly byte[] Keys = Name("KEYS");

    /// <summary>Pre-encodes a command name as the bulk string that starts every frame of that command.</summary>
    public static byte[] Name(string command) => Encoding.ASCII.GetBytes($"${command.Length}\r\n{command}\r\n");

    /// <summary>Builds the frame for <paramref name="command"/> (a table entry) and its arguments.</summary>
    public static byte[] Frame(byte[] command, params ReadOnlySpan<string> arguments)
    {
        var buffer = new ArrayBufferWriter<byte>(command.Length + 16 + arguments.Length * 32);
        WriteAscii(buffer, $"*{arguments.Length + 1}\r\n");
        buffer.Write(command);
        foreach (var argument in arguments)
        {
            var bytes = Encoding.UTF8.GetBytes(argument);
            WriteAscii(buffer, $"${bytes.Length.ToString(CultureInfo.InvariantCulture)}\r\n");
            buffer.Write(bytes);
            buffer.Write("\r\n"u8);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAscii(ArrayBufferWriter<byte> buffer, string text) => buffer.Write(Encoding.ASCII.GetBytes(text));
}
