using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.Jobs;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Imports;

/// <summary>
/// Import jobs for administrators: start one from an allowed URL or a path inside <c>IMPORT_DIR</c> (anything else
/// is a 400 before a job exists), follow their progress, cancel them. Starting and cancelling are audited.
/// </summary>
public sealed class ImportServices(
    ImportJobQueries jobs, ImportSources sources, CatalogueInfoQueries catalogue, JobSignal<ClaimedImportJob> signal, AuditLog audit)
        : Service
{
    private const int MaxListedDumpFiles = 200;

    public async Task<ImportJobInfo> Post(StartImport request)
    {
        var (url, path, checksum) = (Given(request.Url), Given(request.Path), Given(request.ChecksumUrl));
        if ((url is null) == (path is null))
            throw HttpError.BadRequest("Give either url or path");
        try
        {
            if (url is not null)
                ImportSources.DumpFileName(sources.CheckUrl(url, "url"));
            if (checksum is not null)
                sources.CheckUrl(checksum, "checksum_url");
            path = path is null ? null : ResolvedFolderOrFile(path);
        }
        catch (ImportSourceException e)
        {
            throw HttpError.BadRequest(e.Message);
        }
        var job = await jobs.CreateAsync(url, path, checksum, Caller.UserId, Aborted);
        signal.Notify();
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.AdminImportStarted, Caller.UserId, "import", job.Id.ToString(),
            new Dictionary<string, object?> { ["source"] = url ?? path, ["checksum_url"] = checksum }));
        return job;
    }

    public async Task<QueryImportsResponse> Get(QueryImports request)
    {
        var (page, total) = await jobs.QueryAsync(request.Offset, request.Limit, Aborted);
        return new QueryImportsResponse { Imports = [.. page] }.Page(request.Offset, request.Limit, page.Count, total);
    }

    public async Task<CatalogueStatusResponse> Get(GetCatalogueStatus request) => new()
    {
        Live = await catalogue.LiveAsync(Aborted),
        ImportDir = sources.ListDumpFiles(MaxListedDumpFiles),
    };

    public async Task<ImportJobInfo> Get(GetImport request) => await jobs.GetAsync(request.Id, Aborted)
        ?? throw HttpError.NotFound("Import job not found");

    public async Task<ImportJobInfo> Post(CancelImport request)
    {
        var job = await jobs.GetAsync(request.Id, Aborted) ?? throw HttpError.NotFound("Import job not found");
        if (job.Status is not (JobStatuses.Pending or JobStatuses.Running))
            throw HttpError.Conflict($"The import job already ended ({job.Status})");
        var cancelled = await jobs.RequestCancelAsync(request.Id, Aborted) ?? job;
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.AdminImportCancelled, Caller.UserId, "import", job.Id.ToString(),
            new Dictionary<string, object?> { ["status"] = job.Status, ["phase"] = job.Phase }));
        return cancelled;
    }

    /// <summary>The full path of an import's files (checked now; the worker checks again when it runs).</summary>
    private string ResolvedFolderOrFile(string path)
    {
        var files = sources.ResolvePath(path);
        return files.Count == 1 && !Directory.Exists(sources.FullPath(path)) ? files[0].Path : sources.FullPath(path);
    }

    private static string? Given(string? value) => value?.Trim() is { Length: > 0 } text ? text : null;
}
