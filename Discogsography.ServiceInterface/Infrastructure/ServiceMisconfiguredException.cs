namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>
/// The running configuration cannot serve this request (e.g. stored secrets that the configured key cannot read).
/// Answered 503 naming <see cref="Setting"/>, the details logged: the operator has something to fix, the caller can
/// only try later.
/// </summary>
public sealed class ServiceMisconfiguredException(string setting, string message) : Exception(message)
{
    /// <summary>The environment variable to check.</summary>
    public string Setting { get; } = setting;
}
