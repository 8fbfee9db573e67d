using Microsoft.AspNetCore.Http;

namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>The request a service method is answering: the HTTP context and the authenticated caller.</summary>
public sealed class ServiceContext(HttpContext httpContext, AuthenticatedUser? user)
{
    /// <summary>The ASP.NET Core context, for the rare service that needs headers or the connection.</summary>
    public HttpContext HttpContext { get; } = httpContext;

    /// <summary>The caller, or null on anonymous routes and anonymous optional-auth calls.</summary>
    public AuthenticatedUser? User { get; } = user;

    /// <summary>Cancelled when the client goes away or the server shuts down.</summary>
    public CancellationToken CancellationToken => HttpContext.RequestAborted;

    /// <summary>The client's IP as the rate limiter keys it (<c>127.0.0.1</c> when unknown, like slowapi).</summary>
    public string ClientIp => ClientAddress.Of(HttpContext);

    /// <summary>The User-Agent header, cut to the 512 characters the tables keep; null when absent.</summary>
    public string? UserAgent => HttpContext.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 512)] : null;
}

/// <summary>The client address rules shared by services and the rate limiter.</summary>
public static class ClientAddress
{
    /// <summary>The remote IP of <paramref name="context"/>, IPv4-mapped addresses unwrapped.</summary>
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
            return "127.0.0.1";
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
