namespace Discogsography.Admin.Components.Shared;

/// <summary>What a server grid asks for: a page (offset and size) and the column it is sorted by, if any.</summary>
public sealed record GridQuery(int Offset, int Limit, string? SortBy, bool Descending)
{
    /// <summary>
    /// The sort as an API order enum, whose members are named after the DTO property each column sorts by. No sort
    /// (the grid's initial state) is <paramref name="fallback"/>, newest first.
    /// </summary>
    public (TOrder OrderBy, bool Descending) Order<TOrder>(TOrder fallback) where TOrder : struct, Enum =>
        SortBy is not null && Enum.TryParse<TOrder>(SortBy, out var order) ? (order, Descending) : (fallback, true);
}

/// <summary>One page of a server grid: its rows and how many rows match in all.</summary>
public sealed record GridPage<T>(IReadOnlyList<T> Items, int Total);
