using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// A local file server standing in for Discogs' dump downloads: serves a folder with HTTP Range support
/// (RFC 9110 §14), and can break a download part-way, serve slowly, or redirect, as tests ask.
/// </summary>
public sealed class DumpFileServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(string Path, string? Range, long BytesSent)> requests = new();

    private DumpFileServer(WebApplication app, Uri url, string folder)
    {
        this.app = app;
        Url = url;
        Folder = folder;
    }

    public Uri Url { get; }

    /// <summary>The folder served under <c>/files/</c>.</summary>
    public string Folder { get; }

    /// <summary>The next download of any file is cut off after this many bytes (once).</summary>
    public long? DisconnectAfter { get; set; }

    /// <summary>The next request sends this many bytes of the body and then nothing more until the client gives up.</summary>
    public long? StallAfter { get; set; }

    /// <summary>The next request waits this long before it answers (no headers meanwhile).</summary>
    public TimeSpan? DelayHeaders { get; set; }

    /// <summary>Serves at most this many bytes a second (null: as fast as possible).</summary>
    public int? BytesPerSecond { get; set; }

    /// <summary>Every file request: its path, its Range header, and the bytes sent.</summary>
    public IReadOnlyList<(string Path, string? Range, long BytesSent)> Requests => requests.ToArray();

    /// <summary>The URL of a served file.</summary>
    public Uri FileUrl(string name) => new(Url, "files/" + name);

    /// <summary>A URL on this server that redirects to <paramref name="target"/>.</summary>
    public Uri RedirectTo(Uri target) => new(Url, "redirect?to=" + Uri.EscapeDataString(target.ToString()));

    public static async Task<DumpFileServer> StartAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new DumpFileServer(app, new Uri($"http://127.0.0.1:{port}/"),
            Directory.CreateTempSubdirectory("dump-server").FullName);
        app.MapGet("/files/{name}", server.ServeAsync);
        app.MapGet("/redirect", (string to) => Results.Redirect(to));
        await app.StartAsync();
        return server;
    }

    private async Task ServeAsync(HttpContext context, string name)
    {
        var path = Path.Combine(Folder, Path.GetFileName(name));
        if (!File.Exists(path))
        {
            context.Response.StatusCode = 404;
            return;
        }
        if (DelayHeaders is { } delay)
        {
            DelayHeaders = null;
            requests.Enqueue(("/files/" + name, null, 0));
            await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (context.RequestAborted.IsCancellationRequested)
                return;
        }
        var length = new FileInfo(path).Length;
        var range = context.Request.Headers.Range.ToString();
        var from = RangeStart(range);
        if (from >= length)
        {
            context.Response.StatusCode = 416;
            context.Response.Headers.ContentRange = $"bytes */{length}";
            return;
        }
        context.Response.StatusCode = from > 0 ? 206 : 200;
        if (from > 0)
            context.Response.Headers.ContentRange = $"bytes {from}-{length - 1}/{length}";
        context.Response.ContentLength = length - from;
        context.Response.Headers.AcceptRanges = "bytes";
        var sent = await SendAsync(context, path, from);
        requests.Enqueue(("/files/" + name, range.Length > 0 ? range : null, sent));
    }

    private async Task<long> SendAsync(HttpContext context, string path, long from)
    {
        var cutAt = DisconnectAfter;
        DisconnectAfter = null;
        var stallAt = StallAfter;
        StallAfter = null;
        await using var file = File.OpenRead(path);
        file.Seek(from, SeekOrigin.Begin);
        var buffer = new byte[BytesPerSecond is { } rate ? Math.Max(1, rate / 10) : 64 * 1024];
        long sent = 0;
        int read;
        while ((read = await file.ReadAsync(buffer)) > 0)
        {
            if (cutAt is { } cut && sent + read >= cut)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, (int)(cut - sent)));
                await context.Response.Body.FlushAsync();
                await Task.Delay(300); // let the bytes reach the client before the connection breaks
                context.Abort();
                return cut;
            }
            if (stallAt is { } stall && sent + read >= stall)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, (int)(stall - sent)));
                await context.Response.Body.FlushAsync();
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return stall;
            }
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            sent += read;
            if (BytesPerSecond is not null)
                await Task.Delay(100, context.RequestAborted);
        }
        return sent;
    }

    private static long RangeStart(string range) =>
        RangeHeaderValue.TryParse(range, out var value) && value.Ranges.FirstOrDefault()?.From is { } from ? from : 0;

    /// <summary>A checksum file (<c>sha256sum</c> format) for the files given, optionally with a wrong hash for one.</summary>
    public string WriteChecksums(string name, IEnumerable<string> files, string? wrongFor = null)
    {
        var lines = files.Select(file =>
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(Folder,
                file))));
            return $"{(file == wrongFor ? new string('0', 64) : hash)}  {file}";
        });
        File.WriteAllText(Path.Combine(Folder, name), string.Join('\n', lines) + "\n");
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
