using Radzen;

namespace Discogsography.Admin.Components.Shared;

/// <summary>
/// A server-sorted grid's sort, as the API's order enums say it: each enum member is named after the DTO property its
/// column sorts by. No sort (the grid's initial state) is the API's default order, newest first.
/// </summary>
public static class GridSort
{
    public static (TOrder OrderBy, bool Descending) From<TOrder>(LoadDataArgs args, TOrder fallback) where TOrder : struct, Enum
    {
        var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        if (sort is null)
            return (fallback, true);
        return (Enum.TryParse<TOrder>(sort.Property, out var order) ? order : fallback, sort.SortOrder == SortOrder.Descending);
    }
}
