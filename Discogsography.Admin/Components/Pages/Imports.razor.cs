using Discogsography.Admin.Components.Shared;
using Discogsography.ServiceModel;

namespace Discogsography.Admin.Components.Pages;

/// <summary>
/// The live catalogue and where it came from, what <c>IMPORT_DIR</c> holds, starting an import (by URL or server
/// path), and the import jobs, followed live while one runs.
/// </summary>
public partial class Imports
{
    private ServerGrid<ImportJobInfo>? grid;
    private CatalogueStatusResponse? status;
    private bool fromUrl = true;
    private string? url;
    private string? checksumUrl;
    private string? path;

    private bool CanStart => fromUrl ? !string.IsNullOrWhiteSpace(url) : !string.IsNullOrWhiteSpace(path);

    protected override async Task LoadAsync()
    {
        await FetchStatusAsync();
        RefreshLive(RefreshWhileActiveAsync);
    }

    private Task FetchStatusAsync() => CallAsync(async () => status = await Api.SendAsync(new GetCatalogueStatus()), background: true);

    /// <summary>While a job on screen is queued or running: its row, and the live catalogue it may replace.</summary>
    private async Task RefreshWhileActiveAsync()
    {
        if (grid?.Items.Any(j => j.Status is JobStatuses.Pending or JobStatuses.Running) != true)
            return;
        await FetchStatusAsync();
        await grid.ReloadAsync();
    }

    private void UseServerPath(string file)
    {
        fromUrl = false;
        path = file;
    }

    private async Task StartAsync()
    {
        var request = fromUrl ? new StartImport { Url = url, ChecksumUrl = checksumUrl } : new StartImport { Path = path };
        if (!await CallAsync(() => Api.SendAsync(request)))
            return;
        Announce("Import queued.");
        (url, checksumUrl, path) = (null, null, null);
        await grid!.FirstPageAsync();
    }

    private Task<GridPage<ImportJobInfo>?> LoadPageAsync(GridQuery query) => PageAsync(async () =>
    {
        var page = await Api.SendAsync(new QueryImports { Offset = query.Offset, Limit = query.Limit });
        return new GridPage<ImportJobInfo>(page.Imports, page.Total);
    });

    private async Task CancelAsync(ImportJobInfo job)
    {
        if (!await ConfirmAsync("Cancel import", $"Cancel the import of {SourceOf(job)}? The live catalogue stays as it is.",
            "Cancel import", destructive: true))
            return;
        if (await CallAsync(() => Api.SendAsync(new CancelImport { Id = job.Id })))
        {
            Announce("Cancel requested.");
            await grid!.ReloadAsync();
        }
    }

    private static string SourceOf(ImportJobInfo job) =>
        job.Url is { } source ? Path.GetFileName(new Uri(source).AbsolutePath) is { Length: > 0 } name ? name : source : job.Path ?? "";

    private static string ProgressOf(ImportJobInfo job) => job.Phase switch
    {
        null => job.Status == JobStatuses.Pending ? "queued" : "",
        ImportPhases.Import => string.Join(", ", job.Files.Select(f => $"{f.Kind} {f.Records?.ToString("N0") ?? "—"}")) + " records",
        var phase => $"{phase}: {Formats.Megabytes(job.BytesDone)}{(job.BytesTotal is { } size ? $" of {Formats.Megabytes(size)}" : "")}",
    };
}
