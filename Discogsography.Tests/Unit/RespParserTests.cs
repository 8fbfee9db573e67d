using System.Buffers;
using System.Text;
using Discogsography.ServiceInterface.Redis;

namespace Discogsography.Tests.Unit;

/// <summary>The RESP2 parser fed every reply split at every byte offset (https://redis.io/docs/latest/develop/reference/protocol-spec/).</summary>
public sealed class RespParserTests
{
    private static readonly (string Name, string Wire, string Expected)[] Replies =
    [
        ("simple string", "+OK\r\n", "SimpleString:OK"),
        ("error", "-ERR unknown command 'FOO'\r\n", "Error:ERR unknown command 'FOO'"),
        ("integer", ":1000\r\n", "(integer) 1000"),
        ("negative integer", ":-42\r\n", "(integer) -42"),
        ("signed integer", ":+7\r\n", "(integer) 7"),
        ("bulk string", "$5\r\nhello\r\n", "BulkString:hello"),
        ("bulk with CRLF inside", "$7\r\na\r\nb\r\nc\r\n", "BulkString:a\r\nb\r\nc"),
        ("empty bulk string", "$0\r\n\r\n", "BulkString:"),
        ("null bulk string", "$-1\r\n", "(nil)"),
        ("utf-8 bulk string", "$9\r\ncafé ✓\r\n", "BulkString:café ✓"),
        ("array", "*2\r\n$3\r\nfoo\r\n:7\r\n", "[BulkString:foo, (integer) 7]"),
        ("empty array", "*0\r\n", "[]"),
        ("null array", "*-1\r\n", "(nil array)"),
        ("nested array", "*2\r\n*1\r\n+a\r\n*2\r\n$-1\r\n-E\r\n", "[[SimpleString:a], [(nil), Error:E]]"),
    ];

    private static IEnumerable<TestCaseData> AllReplies() => Replies.Select(r => new TestCaseData(r.Wire, r.Expected).SetName($"Parses_{r.Name.Replace(' ', '_')}"));

    [TestCaseSource(nameof(AllReplies))]
    public void A_whole_reply_parses_and_consumes_exactly_its_bytes(string wire, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(wire + "+next\r\n");
        var sequence = new ReadOnlySequence<byte>(bytes);

        Assert.That(RespParser.TryParse(sequence, out var value, out var consumed), Is.True);
        Assert.That(value!.ToString(), Is.EqualTo(expected));
        Assert.That(sequence.Slice(consumed).Length, Is.EqualTo("+next\r\n".Length));
    }

    [TestCaseSource(nameof(AllReplies))]
    public void Every_proper_prefix_is_incomplete_and_every_two_segment_split_parses(string wire, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);
        for (var split = 0; split < bytes.Length; split++)
        {
            Assert.That(RespParser.TryParse(new ReadOnlySequence<byte>(bytes, 0, split), out _, out _), Is.False, $"prefix of {split} bytes");
            var sequence = Segments.Of(bytes[..split], bytes[split..]);
            Assert.That(RespParser.TryParse(sequence, out var value, out var consumed), Is.True, $"split at {split}");
            Assert.That(value!.ToString(), Is.EqualTo(expected), $"split at {split}");
            Assert.That(sequence.Slice(consumed).Length, Is.Zero);
        }
    }

    [TestCaseSource(nameof(AllReplies))]
    public void A_reply_arriving_one_byte_per_segment_parses(string wire, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);

        Assert.That(RespParser.TryParse(Segments.Of(bytes.Select(b => new[] { b }).ToArray()), out var value, out _), Is.True);
        Assert.That(value!.ToString(), Is.EqualTo(expected));
    }

    [TestCase("?what\r\n", "Unknown RESP type byte")]
    [TestCase(":12a\r\n", "Invalid RESP integer")]
    [TestCase(":\r\n", "Invalid RESP integer")]
    [TestCase("$-2\r\n", "Invalid bulk string length")]
    [TestCase("$3\r\nabcd\r\n", "not terminated by CRLF")]
    [TestCase("+OK\rX\n", "CR not followed by LF")]
    [TestCase("+O\nK\r\n", "bare LF")]
    [TestCase("*-5\r\n", "Invalid array length")]
    [TestCase("$999999999999\r\n", "Invalid bulk string length")]
    public void Malformed_replies_are_protocol_errors(string wire, string message)
    {
        var error = Assert.Throws<RedisProtocolException>(() => RespParser.TryParse(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(wire)), out _, out _))!;

        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public void A_line_without_CRLF_is_given_up_on_after_the_line_limit()
    {
        var endless = Encoding.ASCII.GetBytes("+" + new string('x', RespParser.MaxLineLength + 1));

        Assert.Throws<RedisProtocolException>(() => RespParser.TryParse(new ReadOnlySequence<byte>(endless), out _, out _));
    }

    [Test]
    public void Arrays_nested_deeper_than_the_limit_are_refused()
    {
        var deep = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("*1\r\n", RespParser.MaxDepth + 1)) + ":1\r\n");

        Assert.Throws<RedisProtocolException>(() => RespParser.TryParse(new ReadOnlySequence<byte>(deep), out _, out _));
    }

    /// <summary>Builds multi-segment sequences, as a network read delivers them.</summary>
    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Of(params byte[][] parts)
        {
            var first = new Segments(parts[0], 0);
            var last = first;
            foreach (var part in parts.Skip(1))
            {
                var next = new Segments(part, last.RunningIndex + last.Memory.Length);
                last.Next = next;
                last = next;
            }
            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
