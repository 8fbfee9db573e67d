using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Discogsography.Admin.Components.Shared;

public partial class ServerGrid<T>
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];
    private MudDataGrid<T>? grid;

    /// <summary>Fetches a page; null when the call failed (the page shows why) and the grid should show no rows.</summary>
    [Parameter, EditorRequired] public required Func<GridQuery, Task<GridPage<T>?>> Load { get; set; }

    [Parameter, EditorRequired] public required RenderFragment Columns { get; set; }

    [Parameter, EditorRequired] public required string TestId { get; set; }

    [Parameter] public string EmptyText { get; set; } = "Nothing to show";

    [Parameter] public int PageSize { get; set; } = 25;

    [Parameter] public bool Sortable { get; set; } = true;

    [Parameter] public bool Paged { get; set; } = true;

    /// <summary>The rows on screen (the last page loaded).</summary>
    public IReadOnlyList<T> Items { get; private set; } = [];

    /// <summary>Reloads the page on screen (live refresh).</summary>
    public Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>Goes back to the first page and reloads (after the filters changed).</summary>
    public async Task FirstPageAsync()
    {
        if (grid is null)
            return;
        if (grid.CurrentPage != 0)
            grid.NavigateTo(Page.First);
        else
            await grid.ReloadServerData();
    }

    private async Task<GridData<T>> LoadServerDataAsync(GridState<T> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var page = await Load(new GridQuery(state.Page * state.PageSize, state.PageSize, sort?.SortBy, sort?.Descending ?? true));
        Items = page?.Items ?? [];
        return new GridData<T> { Items = Items, TotalItems = page?.Total ?? 0 };
    }
}
