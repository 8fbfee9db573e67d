using System.Net;
using System.Net.Sockets;

namespace Discogsography.Host.Pipeline;

/// <summary>
/// Who is calling, as rate limits, audit entries and sessions record it. The remote address is the socket peer's,
/// or — only when that peer is a trusted proxy (<c>TRUSTED_PROXIES</c>) — the one it forwarded: the forwarded-headers
/// middleware has already rewritten it (<see cref="ConfigureForwardedHeaders"/>).
/// </summary>
internal static class ClientAddress
{
    /// <summary>The User-Agent the tables keep: at most 512 characters.</summary>
    private const int MaxUserAgentLength = 512;

    /// <summary>The client's IP, IPv4-mapped addresses unwrapped (<c>127.0.0.1</c> when unknown, like slowapi).</summary>
    public static string Of(HttpContext context) => Normalized(context.Connection.RemoteIpAddress)?.ToString() ?? "127.0.0.1";

    /// <summary>
    /// What per-address rate limits count: the IPv4 address, or an IPv6 client's /64 network, since one host usually
    /// holds a whole /64 and could otherwise change address for every request.
    /// </summary>
    public static string RateLimitSubjectOf(HttpContext context)
    {
        var address = Normalized(context.Connection.RemoteIpAddress);
        if (address is not { AddressFamily: AddressFamily.InterNetworkV6 })
            return address?.ToString() ?? "127.0.0.1";
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>The User-Agent header, cut to what the tables keep; null when absent.</summary>
    public static string? UserAgentOf(HttpContext context) =>
        context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, MaxUserAgentLength)] : null;

    private static IPAddress? Normalized(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
