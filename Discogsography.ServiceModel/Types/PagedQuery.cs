using System.ComponentModel.DataAnnotations;

namespace Discogsography.ServiceModel;

/// <summary>A request for one page of a list kept on the server: where the page starts and how long it is.</summary>
/// <param name="defaultLimit">The page length when the client sends none.</param>
public abstract class PagedQuery(int defaultLimit)
{
    /// <summary>The longest page any list gives.</summary>
    public const int MaxLimit = 200;

    /// <summary>Items to skip: where the page starts.</summary>
    [Range(0, int.MaxValue)]
    public int Offset { get; set; }

    /// <summary>Items per page.</summary>
    [Range(1, MaxLimit)]
    public int Limit { get; set; } = defaultLimit;
}

/// <summary>A page of a list the server sorts by one of <typeparamref name="TOrder"/>'s columns, newest first by default.</summary>
/// <param name="defaultOrder">The column when the client names none.</param>
/// <param name="defaultLimit">The page length when the client sends none.</param>
public abstract class SortedPagedQuery<TOrder>(TOrder defaultOrder, int defaultLimit) : PagedQuery(defaultLimit)
    where TOrder : struct, Enum
{
    /// <summary>The column to sort by.</summary>
    public TOrder OrderBy { get; set; } = defaultOrder;

    /// <summary>Newest (or largest) first when true.</summary>
    public bool Descending { get; set; } = true;
}
