using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Discogsography.ServiceInterface.Imports;

/// <summary>
/// Checks a downloaded dump against Discogs' checksum file: lines of <c>&lt;sha256 hex&gt;  &lt;file name&gt;</c>
/// (the format of <c>sha256sum</c>, which also allows <c>*</c> before binary file names).
/// </summary>
public sealed class ChecksumVerifier(DumpHttp http, ImportOptions options, TimeProvider time)
{
    /// <summary>
    /// The SHA-256 the checksum file at <paramref name="checksumUrl"/> gives for <paramref name="fileName"/>. A
    /// connection that breaks or stalls is tried again, like the dump itself.
    /// </summary>
    public async Task<string> ExpectedAsync(Uri checksumUrl, string fileName, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Parse(await FetchAsync(checksumUrl, cancellationToken)).TryGetValue(fileName, out var hash)
                    ? hash
                    : throw new DownloadFailedException($"The checksum file has no line for {fileName}");
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.DownloadAttempts)
                    throw new DownloadFailedException($"The checksum file could not be fetched in {attempt} attempts; last: {e.Message}",
                        e);
                await Task.Delay(options.ResumeDelay, time, cancellationToken);
            }
        }
    }

    private async Task<string> FetchAsync(Uri checksumUrl, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(checksumUrl, null, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? await ReadLimitedAsync(response, cancellationToken)
            : throw new DownloadFailedException($"The checksum file could not be fetched: HTTP {(int)response.StatusCode}");
    }

    /// <summary>Hashes the file (reporting bytes read) and throws when it is not <paramref name="expected"/>.</summary>
    public async Task VerifyAsync(string path, string expected, DownloadProgress progress, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        var (done, lastReport) = (0L, time.GetTimestamp());
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            done += read;
            if (time.GetElapsedTime(lastReport) >= options.ProgressInterval)
            {
                lastReport = time.GetTimestamp();
                await progress(done, file.Length);
            }
        }
        await progress(done, file.Length);
        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            throw new DownloadFailedException($"Checksum mismatch for {Path.GetFileName(path)}: the file's SHA-256 is {actual}, the checksum file says {expected.ToLowerInvariant()}");
    }

    /// <summary>File name → hash, for every well-formed line.</summary>
    public static Dictionary<string, string> Parse(string text)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts is [var hex, var name] && hex.Length == 64 && hex.All(Uri.IsHexDigit))
                hashes[name.Trim().TrimStart('*')] = hex.ToLowerInvariant();
        }
        return hashes;
    }

    private async Task<string> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[options.MaxChecksumFileBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length
            && (read = await IdleWatch.ReadAsync(body, buffer.AsMemory(total), options.IdleTimeout, cancellationToken)) > 0)
            total += read;
        return total <= options.MaxChecksumFileBytes
            ? Encoding.UTF8.GetString(buffer, 0, total)
            : throw new DownloadFailedException($"The checksum file is larger than {options.MaxChecksumFileBytes:N0} bytes");
    }
}
