using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Health;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Admin;

/// <summary>The dashboard's figures, gathered in one call (read-only, so not audited: the dashboard polls it).</summary>
public sealed class AdminDashboardServices(
    AdminUserQueries users, AdminSyncQueries syncs, CatalogueInfoQueries catalogue, DependencyProbe dependencies, TimeProvider time)
        : Service
{
    public async Task<AdminDashboardResponse> Get(GetAdminDashboard request)
    {
        var now = time.GetUtcNow();
        var (userCounts, connections) = await users.CountsAsync(Aborted);
        return new AdminDashboardResponse
        {
            Users = userCounts,
            DiscogsConnections = connections,
            SyncsLast24Hours = [.. await syncs.CountsSinceAsync(now.AddDays(-1), Aborted)],
            Catalogue = await catalogue.FiguresAsync(Aborted),
            Dependencies = [.. await dependencies.CheckAsync(Aborted)],
            GeneratedAt = now,
        };
    }
}
