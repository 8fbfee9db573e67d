using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Configuration;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Imports;

/// <summary>An import source the operator may not use: a bad URL, a host not allowed, a path outside <c>IMPORT_DIR</c>.</summary>
public sealed class ImportSourceException(string message) : Exception(message);

/// <summary>
/// The rules of where imports may come from: http(s) URLs on <c>IMPORT_ALLOWED_HOSTS</c> naming a dump file, or paths
/// inside <c>IMPORT_DIR</c> (after resolving <c>..</c> and symbolic links, so nothing outside can be reached).
/// </summary>
public sealed class ImportSources(ImportSettings settings)
{
    /// <summary>The URL, when it is absolute http(s) without credentials and its host is allowed.</summary>
    public Uri CheckUrl(string url, string field)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ImportSourceException($"{field} must be an http or https URL");
        if (uri.UserInfo.Length > 0)
            throw new ImportSourceException($"{field} must not carry credentials");
        return IsAllowed(uri)
            ? uri
            : throw new ImportSourceException($"{field}: downloads from {uri.Host} are not allowed (IMPORT_ALLOWED_HOSTS: {string.Join(", ", settings.AllowedHosts)})");
    }

    /// <summary>Whether <paramref name="uri"/>'s host is on the allow-list (redirects are checked with this too).</summary>
    public bool IsAllowed(Uri uri) => settings.AllowedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The dump file a URL downloads: its last path segment, or for Discogs' download page the last segment of its
    /// <c>download</c> parameter (<c>https://data.discogs.com/?download=data%2F2020%2Fdiscogs_20200806_releases.xml.gz</c>).
    /// </summary>
    public static string DumpFileName(Uri url)
    {
        var fromPath = Uri.UnescapeDataString(url.Segments[^1]);
        if (DumpFile.IsDumpFileName(fromPath))
            return fromPath;
        var download = url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0] == "download").Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' '))).FirstOrDefault();
        var fromQuery = download?.Split('/').Last();
        return fromQuery is not null && DumpFile.IsDumpFileName(fromQuery)
            ? fromQuery
            : throw new ImportSourceException("url must name a Discogs dump file (discogs_YYYYMMDD_artists|labels|masters|releases.xml[.gz])");
    }

    /// <summary>The dump files at <paramref name="path"/> (a file or a folder), which must lie inside <c>IMPORT_DIR</c>.</summary>
    public IReadOnlyList<DumpFile> ResolvePath(string path)
    {
        var root = Path.GetFullPath(settings.Directory);
        var full = FullPath(path);
        if (!IsInside(root, full) || !IsInside(RealPath(root), RealPath(full)))
            throw new ImportSourceException($"path must be inside IMPORT_DIR ({root})");
        if (Directory.Exists(full))
            return DumpFile.InDirectory(full) is { Count: > 0 } files
                ? files : throw new ImportSourceException($"{path}: no Discogs dump files in this folder");
        if (!File.Exists(full))
            throw new ImportSourceException($"{path}: no such file or folder in IMPORT_DIR");
        try
        {
            return [DumpFile.Of(full)];
        }
        catch (DumpFormatException e)
        {
            throw new ImportSourceException(e.Message.Replace(full, path, StringComparison.Ordinal));
        }
    }

    /// <summary>The Discogs dump files anywhere inside <c>IMPORT_DIR</c> (at most <paramref name="limit"/>), newest first.</summary>
    public ImportFolder ListDumpFiles(int limit)
    {
        var root = Path.GetFullPath(settings.Directory);
        var folder = new ImportFolder { Path = root, Exists = Directory.Exists(root), DumpFiles = [] };
        if (!folder.Exists)
            return folder;
        var files = new DirectoryInfo(root).EnumerateFiles("discogs_*",
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => DumpFile.IsDumpFileName(f.Name))
            .Select(f => (Info: f, Dump: DumpFile.Of(f.FullName)))
            .OrderByDescending(f => f.Dump.DumpDate, StringComparer.Ordinal).ThenBy(f => f.Dump.Kind).ThenBy(f => f.Info.FullName,
                StringComparer.Ordinal)
            .Take(limit);
        folder.DumpFiles = [.. files.Select(f => new ImportFolderEntry
        {
            Path = Path.GetRelativePath(root, f.Info.FullName),
            Kind = f.Dump.Kind.ToString().ToLowerInvariant(),
            DumpDate = f.Dump.DumpDate ?? "",
            SizeBytes = f.Info.Length,
            ModifiedAt = f.Info.LastWriteTimeUtc,
        })];
        return folder;
    }

    /// <summary>The absolute form of a path given relative to <c>IMPORT_DIR</c> (not yet checked).</summary>
    public string FullPath(string path) => Path.GetFullPath(Path.Combine(Path.GetFullPath(settings.Directory), path.Trim()));

    /// <summary>Where downloads of job <paramref name="jobId"/> go.</summary>
    public string DownloadFolder(Guid jobId) => Path.Combine(Path.GetFullPath(settings.Directory), "downloads", jobId.ToString("N"));

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link along it resolved (a link anywhere could lead out of the folder).</summary>
    private static string RealPath(string path)
    {
        var current = Path.GetPathRoot(path)!;
        foreach (var part in path[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            current = info.Exists && info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)!.FullName : next;
        }
        return current;
    }
}
