using System.Net;
using Discogsography.ServiceInterface.Configuration;
using Microsoft.AspNetCore.HttpOverrides;

namespace Discogsography.Host;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the reverse proxies named in
/// <c>TRUSTED_PROXIES</c> (addresses or CIDR networks), walking the chain from the socket peer back while each hop is
/// trusted; from anyone else they are ignored, so a client cannot choose the address rate limits count. The
/// framework's own middleware does the work; none is trusted by default (not even loopback).
/// </summary>
internal static class ConfigureForwardedHeaders
{
    public static ForwardedHeadersOptions OptionsFor(IReadOnlyList<string> trustedProxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in trustedProxies)
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network))
                options.KnownIPNetworks.Add(network);
            else if (IPAddress.TryParse(entry, out var address))
                options.KnownProxies.Add(address);
            else
                throw new SettingsException($"TRUSTED_PROXIES: '{entry}' is neither an IP address nor a CIDR network (like 10.0.0.0/8)");
        }
        return options;
    }

    public static void UseTrustedForwardedHeaders(this WebApplication app, IReadOnlyList<string> trustedProxies)
    {
        if (trustedProxies.Count > 0)
            app.UseForwardedHeaders(OptionsFor(trustedProxies));
    }
}
