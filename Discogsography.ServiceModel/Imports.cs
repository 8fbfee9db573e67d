using System.ComponentModel.DataAnnotations;

namespace Discogsography.ServiceModel;

/// <summary>
/// Queues a catalogue import: a Discogs dump file downloaded from <see cref="Url"/> (an allowed host, resumed after
/// interruptions, verified against <see cref="ChecksumUrl"/> when given), or dump files already on the server at
/// <see cref="Path"/> (inside <c>IMPORT_DIR</c>). Give exactly one of the two.
/// </summary>
[Route("/api/admin/imports", "POST"), Tag(Tags.Admin), RequiredRole(Roles.Admin), SuccessStatus(202)]
[ErrorResponse(400, "Neither or both of url and path, or a URL or path that is not allowed")]
public class StartImport : IReturn<ImportJobInfo>
{
    /// <summary>An http(s) URL of a dump file (<c>discogs_YYYYMMDD_{artists,labels,masters,releases}.xml.gz</c>).</summary>
    [MaxLength(MaxSourceLength)]
    public string? Url { get; set; }

    /// <summary>A dump file or a folder of them, relative to <c>IMPORT_DIR</c> (or absolute inside it).</summary>
    [MaxLength(MaxSourceLength)]
    public string? Path { get; set; }

    /// <summary>Discogs' <c>CHECKSUM.txt</c> for the dump: lines of <c>&lt;sha256&gt;  &lt;file name&gt;</c>.</summary>
    [MaxLength(MaxSourceLength)]
    public string? ChecksumUrl { get; set; }

    /// <summary>The longest URL or path accepted.</summary>
    public const int MaxSourceLength = 2048;
}

/// <summary>Import jobs, newest first.</summary>
[Route("/api/admin/imports", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class QueryImports() : PagedQuery(25), IReturn<QueryImportsResponse>
{
}

public class QueryImportsResponse : PagedResponse
{
    /// <summary>This page of import jobs.</summary>
    public required List<ImportJobInfo> Imports { get; set; }
}

/// <summary>One import job with its progress.</summary>
[Route("/api/admin/imports/{id}", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
[ErrorResponse(404, "No such import job")]
public class GetImport : IReturn<ImportJobInfo>
{
    /// <summary>The import job.</summary>
    public Guid Id { get; set; }
}

/// <summary>Cancels an import in any phase: a queued one at once, a running one within a heartbeat (the live catalogue stays).</summary>
[Route("/api/admin/imports/{id}/cancel", "POST"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
[ErrorResponse(404, "No such import job")]
[ErrorResponse(409, "The job already ended")]
public class CancelImport : IReturn<ImportJobInfo>
{
    /// <summary>The import job.</summary>
    public Guid Id { get; set; }
}

public class ImportJobInfo
{
    /// <summary>The job's id.</summary>
    public Guid Id { get; set; }

    /// <summary>The dump URL it downloads, when started from one.</summary>
    public string? Url { get; set; }

    /// <summary>The server folder it imports, when started from one.</summary>
    public string? Path { get; set; }

    /// <summary>The checksum file it verifies against.</summary>
    public string? ChecksumUrl { get; set; }

    /// <summary>Where the job is.</summary>
    [AllowedValues(JobStatuses.Pending, JobStatuses.Running, JobStatuses.Completed, JobStatuses.Failed, JobStatuses.Cancelled)]
    public required string Status { get; set; }

    /// <summary>What a running job is doing.</summary>
    [AllowedValues(ImportPhases.Download, ImportPhases.Verify, ImportPhases.Import)]
    public string? Phase { get; set; }

    /// <summary>Bytes downloaded, or checksummed during verification.</summary>
    public long BytesDone { get; set; }

    /// <summary>The size of the file being downloaded or verified, once known.</summary>
    public long? BytesTotal { get; set; }

    /// <summary>The dump files, with their size and the records imported so far.</summary>
    public required List<ImportFileInfo> Files { get; set; }

    /// <summary>Why a failed job failed.</summary>
    public string? Error { get; set; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a worker took it.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The administrator who started it.</summary>
    public string? RequestedBy { get; set; }

    /// <summary>How many times a worker claimed it.</summary>
    public int Attempts { get; set; }

    /// <summary>An administrator asked it to stop.</summary>
    public bool CancelRequested { get; set; }
}

public class ImportFileInfo
{
    /// <summary>Where the file is on the server.</summary>
    public required string Path { get; set; }

    [AllowedValues("artists", "labels", "masters", "releases")]
    public required string Kind { get; set; }

    public long? SizeBytes { get; set; }

    /// <summary>Records read from the file so far.</summary>
    public long? Records { get; set; }
}


/// <summary>The values of <see cref="ImportJobInfo.Phase"/>.</summary>
public static class ImportPhases
{
    public const string Download = "download";
    public const string Verify = "verify";
    public const string Import = "import";
}

/// <summary>
/// The live catalogue (when and from what it was imported, and by whom: the <c>import</c> command or an import job)
/// and what <c>IMPORT_DIR</c> holds, so an operator sees what can be imported again.
/// </summary>
[Route("/api/admin/catalogue", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class GetCatalogueStatus : IReturn<CatalogueStatusResponse>;

public class CatalogueStatusResponse
{
    /// <summary>The live catalogue; null before the first import.</summary>
    public LiveCatalogue? Live { get; set; }

    /// <summary>The server folder imports read from and download into.</summary>
    public required ImportFolder ImportDir { get; set; }
}

/// <summary>The catalogue the API serves: when and from what it was imported.</summary>
public class LiveCatalogue
{
    public Guid ImportId { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Who imported it: <c>the import command</c>, <c>import job &lt;id&gt;</c>; null for catalogues imported
    /// before this was recorded.</summary>
    public string? Origin { get; set; }

    /// <summary>The dump files it was built from, with the records each held.</summary>
    public required List<ImportFileInfo> Files { get; set; }

    public required CatalogueFigures Figures { get; set; }
}

/// <summary>The server folder imports read from and download into, and the dump files in it.</summary>
public class ImportFolder
{
    /// <summary>The absolute path on the server.</summary>
    public required string Path { get; set; }

    public bool Exists { get; set; }

    /// <summary>Discogs dump files inside it (folders included, at most 200), newest first; paths are relative to it.</summary>
    public required List<ImportFolderEntry> DumpFiles { get; set; }
}

public class ImportFolderEntry
{
    /// <summary>Relative to <c>IMPORT_DIR</c>: what <see cref="StartImport.Path"/> takes.</summary>
    public required string Path { get; set; }

    [AllowedValues("artists", "labels", "masters", "releases")]
    public required string Kind { get; set; }

    /// <summary>The dump's date, from its name (<c>discogs_YYYYMMDD_…</c>).</summary>
    public required string DumpDate { get; set; }

    public long SizeBytes { get; set; }

    public DateTimeOffset ModifiedAt { get; set; }
}
