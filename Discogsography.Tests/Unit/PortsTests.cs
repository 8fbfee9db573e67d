using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Unit;

/// <summary>The tests' own free ports: below the kernel's ephemeral range, where no outgoing connection takes one.</summary>
public sealed class PortsTests
{
    [Test]
    public void Free_ports_lie_below_the_ephemeral_range_and_are_never_handed_out_twice()
    {
        const string rangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        if (!File.Exists(rangeFile))
            Assert.Ignore($"{rangeFile} is not on this machine");
        var ephemeralStart = int.Parse(File.ReadAllText(rangeFile).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0],
            System.Globalization.CultureInfo.InvariantCulture);

        var ports = Enumerable.Range(0, 200).Select(_ => Ports.Free()).ToList();

        Assert.That(ports, Is.All.InRange(10_000, ephemeralStart - 1));
        Assert.That(ports, Is.Unique);
    }
}
