using System.Text.Json;
using Discogsography.Admin.Components.Shared;
using Discogsography.ServiceModel;

namespace Discogsography.Admin.Components.Pages;

/// <summary>The audit log: filtered by user, action and UTC days, sorted and paged on the server.</summary>
public partial class AuditLog
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ServerGrid<AuditEntryInfo>? grid;
    private IReadOnlyList<string> actions = [];
    private string? search;
    private string? action;
    private DateTime? from;
    private DateTime? to;

    // The filter on screen: paging re-reads exactly what is shown, not inputs not yet applied.
    private QueryAuditLog shown = new();

    protected override Task LoadAsync() => CallAsync(async () => actions = await Api.SendAsync(new ListAuditActions()));

    private Task FilterAsync()
    {
        shown = new QueryAuditLog { Search = search, Action = action, From = StartOfDay(from), To = StartOfDay(to?.AddDays(1)) };
        return grid?.FirstPageAsync() ?? Task.CompletedTask;
    }

    private Task<GridPage<AuditEntryInfo>?> LoadPageAsync(GridQuery query) => PageAsync(async () =>
    {
        var (orderBy, descending) = query.Order(AuditOrder.CreatedAt);
        var page = await Api.SendAsync(new QueryAuditLog
        {
            Search = shown.Search, Action = shown.Action, From = shown.From, To = shown.To,
            Offset = query.Offset, Limit = query.Limit, OrderBy = orderBy, Descending = descending,
        });
        return new GridPage<AuditEntryInfo>(page.Entries, page.Total);
    });

    private static DateTimeOffset? StartOfDay(DateTime? day) =>
        day is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value.Date, DateTimeKind.Utc)) : null;
}
