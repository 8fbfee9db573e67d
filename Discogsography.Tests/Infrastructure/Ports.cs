using System.Net;
using System.Net.Sockets;

namespace Discogsography.Tests.Infrastructure;

/// <summary>Random free loopback ports: tests never use fixed ones.</summary>
public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
