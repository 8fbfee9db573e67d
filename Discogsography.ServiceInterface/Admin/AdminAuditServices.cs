using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Admin;

/// <summary>The audit log for administrators.</summary>
public sealed class AdminAuditServices(AuditQueries audit) : Service
{
    public async Task<QueryAuditLogResponse> Get(QueryAuditLog request)
    {
        var filter = new AuditFilter(request.UserId, request.Search, request.Action is { Length: > 0 } action ? action : null,
            request.From, request.To,
            request.Offset, request.Limit, request.OrderBy, request.Descending);
        var (entries, total) = await audit.QueryAsync(filter, Aborted);
        return new QueryAuditLogResponse { Entries = [.. entries] }.Page(request.Offset, request.Limit, entries.Count, total);
    }

    public async Task<List<string>> Get(ListAuditActions request) => [.. await audit.ActionsAsync(Aborted)];
}
