using System.Net;
using System.Net.Sockets;

namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// Random free loopback ports: tests never use fixed ones. A port is drawn below the kernel's ephemeral range, because a
/// port the kernel hands out for "any port" (bind to 0) is also what it gives outgoing connections: between this check
/// and the server's own bind, a connection to PostgreSQL or Redis could take it (CI saw "address already in use" so).
/// Ports below the range are only ever taken by a server binding them by number, and this process never hands one out twice.
/// </summary>
public static class Ports
{
    private const int LowestPort = 10_000;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static int Free()
    {
        var (first, last) = RangeBelowEphemeral();
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(first, last + 1);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port between {first} and {last}");
    }

    /// <summary>
    /// From 10,000 up to the port before <c>ip_local_port_range</c>'s first (Linux default 32768); all above 10,000 if
    /// the range starts lower.
    /// </summary>
    private static (int First, int Last) RangeBelowEphemeral()
    {
        const string rangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var ephemeralStart = 32_768;
        if (File.Exists(rangeFile)
            && int.TryParse(File.ReadAllText(rangeFile).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0],
                out var start))
            ephemeralStart = start;
        return ephemeralStart > LowestPort + 1_000 ? (LowestPort, ephemeralStart - 1) : (LowestPort, 65_000);
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
