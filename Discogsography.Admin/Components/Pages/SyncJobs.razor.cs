using Discogsography.Admin.Components.Shared;
using Discogsography.ServiceModel;

namespace Discogsography.Admin.Components.Pages;

/// <summary>Sync jobs of every account: filtered, sorted and paged on the server, followed live while any runs.</summary>
public partial class SyncJobs
{
    private static readonly string[] Statuses = [JobStatuses.Pending, JobStatuses.Running, JobStatuses.Completed, JobStatuses.Failed,
        JobStatuses.Cancelled];

    private SyncJobGrid? grid;
    private string? status;
    private string? search;

    // The filter on screen: live refreshes re-read exactly what is shown, not inputs not yet applied.
    private (string? Status, string? Search) shown;

    protected override Task LoadAsync()
    {
        RefreshLive(() => grid?.ShowsActiveJobs == true ? grid.ReloadAsync() : Task.CompletedTask);
        return Task.CompletedTask;
    }

    private Task FilterAsync()
    {
        shown = (status, search);
        return grid?.FirstPageAsync() ?? Task.CompletedTask;
    }

    private Task<GridPage<AdminSyncJob>?> LoadPageAsync(GridQuery query) => PageAsync(async () =>
    {
        var (orderBy, descending) = query.Order(AdminSyncOrder.StartedAt);
        var page = await Api.SendAsync(new QueryAdminSyncs
        {
            Status = shown.Status, Search = shown.Search, Offset = query.Offset, Limit = query.Limit, OrderBy = orderBy,
                Descending = descending,
        });
        return new GridPage<AdminSyncJob>(page.Syncs, page.Total);
    });

    private async Task CancelAsync(AdminSyncJob job)
    {
        if (!await ConfirmAsync("Cancel sync", $"Cancel the sync of {job.Email}? Items already synced stay.", "Cancel sync",
            destructive: true))
            return;
        if (await CallAsync(() => Api.SendAsync(new CancelAdminSync { Id = Guid.Parse(job.SyncId) })))
        {
            Announce($"Cancel requested for the sync of {job.Email}.");
            await grid!.ReloadAsync();
        }
    }
}
