using System.Net;
using Discogsography.ServiceInterface.Configuration;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Imports;

/// <summary>Bytes written so far, and the file's size when the server said.</summary>
public delegate Task DownloadProgress(long bytesDone, long? bytesTotal);

/// <summary>
/// Streams a dump file to disk with resume: the file grows as <c>.part</c>; after a broken connection (or a silent one)
/// the next request asks for the rest with <c>Range: bytes=&lt;length&gt;-</c> (RFC 9110 §14.2) and appends; a server
/// that answers the whole file again restarts it. Files larger than <c>IMPORT_MAX_BYTES</c> are refused, before or
/// while downloading. A finished file is renamed from <c>.part</c>, so it is only ever complete.
/// </summary>
public sealed partial class DumpDownloader(DumpHttp http, ImportSettings settings, ImportOptions options, TimeProvider time,
    ILogger<DumpDownloader> logger)
{
    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/> (kept if already there); returns its size.</summary>
    public async Task<long> DownloadAsync(Uri url, string destination, DownloadProgress progress, CancellationToken cancellationToken)
    {
        if (File.Exists(destination))
            return new FileInfo(destination).Length;
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var part = destination + ".part";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DownloadOnceAsync(url, part, progress, cancellationToken);
                File.Move(part, destination);
                return new FileInfo(destination).Length;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && attempt < options.DownloadAttempts)
            {
                var delay = TimeSpan.FromTicks(Math.Min(options.ResumeDelay.Ticks << (attempt - 1), TimeSpan.FromMinutes(1).Ticks));
                LogResuming(logger, Path.GetFileName(destination), PartLength(part), attempt, delay.TotalSeconds, e.Message);
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                throw new DownloadFailedException($"Downloading {Path.GetFileName(destination)} failed {attempt} times; last: {e.Message}",
                    e);
            }
        }
    }

    private async Task DownloadOnceAsync(Uri url, string part, DownloadProgress progress, CancellationToken cancellationToken)
    {
        var have = PartLength(part);
        using var response = await http.GetAsync(url, have, cancellationToken);
        var (append, total) = Interpret(response, have, part);
        if (total is { } size && size > settings.MaxBytes)
            throw new DownloadFailedException($"{Path.GetFileName(part)[..^5]} is {size:N0} bytes, more than IMPORT_MAX_BYTES ({settings.MaxBytes:N0})");
        if (append && have == total)
            return;
        await using var output = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None,
            1 << 16, useAsync: true);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await CopyAsync(body, output, append ? have : 0, total, progress, cancellationToken);
        if (total is { } expected && output.Length != expected)
            throw new IOException($"the connection ended at {output.Length:N0} of {expected:N0} bytes");
    }

    /// <summary>Whether to append to the part file, and the whole file's size when known.</summary>
    private static (bool Append, long? Total) Interpret(HttpResponseMessage response, long have, string part)
    {
        var file = Path.GetFileName(part);
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent when response.Content.Headers.ContentRange is { From: var from } range && from == have:
                return (true, range.Length);
            case HttpStatusCode.PartialContent:
                File.Delete(part);
                throw new IOException("the server resumed at another byte than asked; starting again");
            case HttpStatusCode.RequestedRangeNotSatisfiable when response.Content.Headers.ContentRange?.Length == have:
                return (true, have);
            case HttpStatusCode.OK:
                return (false, response.Content.Headers.ContentLength);
            case >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout:
                throw new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode);
            default:
                throw new DownloadFailedException($"Downloading {file[..^5]} was refused: HTTP {(int)response.StatusCode}");
        }
    }

    /// <summary>Copies with an idle watchdog (a read that brings nothing for <see cref="ImportOptions.IdleTimeout"/>
    /// breaks the connection).</summary>
    private async Task CopyAsync(Stream body, Stream output, long done, long? total, DownloadProgress progress,
        CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var lastReport = time.GetTimestamp();
        while (true)
        {
            var read = await IdleWatch.ReadAsync(body, buffer, options.IdleTimeout, cancellationToken);
            if (read == 0)
                break;
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            done += read;
            if (done > settings.MaxBytes)
                throw new DownloadFailedException($"The download passed IMPORT_MAX_BYTES ({settings.MaxBytes:N0} bytes)");
            if (time.GetElapsedTime(lastReport) >= options.ProgressInterval)
            {
                lastReport = time.GetTimestamp();
                await progress(done, total);
            }
        }
        await output.FlushAsync(cancellationToken);
        await progress(done, total);
    }

    private static long PartLength(string part) => File.Exists(part) ? new FileInfo(part).Length : 0;

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is IOException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Download of {File} broke at {Bytes} bytes (attempt {Attempt}); resuming in {Seconds:0.#} s: {Reason}")]
    private static partial void LogResuming(ILogger logger, string file, long bytes, int attempt, double seconds, string reason);
}
