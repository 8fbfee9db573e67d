namespace Discogsography.ServiceInterface.Imports;

/// <summary>
/// Time limits on a download's waits: the response headers must arrive within <see cref="ImportOptions.HeaderTimeout"/>
/// and every read of the body must bring something within <see cref="ImportOptions.IdleTimeout"/>. A wait that runs
/// out is an <see cref="IOException"/> naming what did not come (a broken download, resumed where it broke); the
/// caller's own cancellation stays a cancellation.
/// </summary>
internal static class IdleWatch
{
    /// <summary>Runs <paramref name="send"/>, which must produce the response headers within <paramref name="timeout"/>.</summary>
    public static async Task<HttpResponseMessage> HeadersAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, TimeSpan timeout,
        string host,
        CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await send(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"{host} sent no response headers for {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>One read that must bring at least a byte (or the end) within <paramref name="timeout"/>.</summary>
    public static async Task<int> ReadAsync(Stream body, Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await body.ReadAsync(buffer, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"no data for {timeout.TotalSeconds:0} s");
        }
    }
}
