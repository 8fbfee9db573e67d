namespace Discogsography.ServiceInterface.Discogs;

/// <summary>Discogs answered, but not with what was asked for. The message names the HTTP status, never the body.</summary>
public sealed class DiscogsException(string message, int? statusCode = null) : Exception(message)
{
    /// <summary>The HTTP status Discogs answered with, when that was the problem.</summary>
    public int? StatusCode { get; } = statusCode;
}

/// <summary>Discogs could not be reached, or kept timing out, after the retries.</summary>
public sealed class DiscogsUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
