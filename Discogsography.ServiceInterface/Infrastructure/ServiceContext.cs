namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>
/// The request a service method is answering, as plain values (services never see HTTP): who called from where,
/// and when to stop.
/// </summary>
/// <param name="ClientIp">The caller's IP as the Host determined it (behind trusted proxies: the forwarded one).</param>
/// <param name="UserAgent">The User-Agent header, cut to what the tables keep; null when absent.</param>
/// <param name="User">The caller, or null on anonymous routes and anonymous optional-auth calls.</param>
/// <param name="CancellationToken">Cancelled when the client goes away or the server shuts down.</param>
public sealed record ServiceContext(string ClientIp, string? UserAgent, AuthenticatedUser? User, CancellationToken CancellationToken);
