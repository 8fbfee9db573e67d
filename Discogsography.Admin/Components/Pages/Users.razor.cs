using Discogsography.Admin.Components.Shared;
using Discogsography.ServiceModel;

namespace Discogsography.Admin.Components.Pages;

/// <summary>Accounts, searched, filtered, sorted and paged on the server.</summary>
public partial class Users
{
    private ServerGrid<AdminUserSummary>? grid;
    private string? search;
    private bool? active;
    private bool? admin;

    // The filter on screen: paging re-reads exactly what is shown, not inputs not yet applied.
    private (string? Search, bool? Active, bool? Admin) shown;

    private Task SearchAsync()
    {
        shown = (search, active, admin);
        return grid?.FirstPageAsync() ?? Task.CompletedTask;
    }

    private Task<GridPage<AdminUserSummary>?> LoadPageAsync(GridQuery query) => PageAsync(async () =>
    {
        var (orderBy, descending) = query.Order(AdminUserOrder.CreatedAt);
        var page = await Api.SendAsync(new QueryAdminUsers
        {
            Search = shown.Search, Active = shown.Active, Admin = shown.Admin, Offset = query.Offset, Limit = query.Limit,
                OrderBy = orderBy, Descending = descending,
        });
        return new GridPage<AdminUserSummary>(page.Users, page.Total);
    });
}
