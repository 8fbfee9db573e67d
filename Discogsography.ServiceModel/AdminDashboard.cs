using System.ComponentModel.DataAnnotations;

namespace Discogsography.ServiceModel;

/// <summary>The dashboard's figures: accounts, Discogs connections, the last day's syncs, the catalogue, the dependencies.</summary>
[Route("/api/admin/dashboard", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class GetAdminDashboard : IReturn<AdminDashboardResponse>;

public class AdminDashboardResponse
{
    /// <summary>Accounts in all, active, and administrators.</summary>
    public required UserCounts Users { get; set; }

    /// <summary>Accounts with a Discogs OAuth connection.</summary>
    public int DiscogsConnections { get; set; }

    /// <summary>Syncs started in the last 24 hours, per status.</summary>
    public required List<StatusCount> SyncsLast24Hours { get; set; }

    public required CatalogueFigures Catalogue { get; set; }

    /// <summary>PostgreSQL and Redis, as the readiness probe sees them.</summary>
    public required List<DependencyStatus> Dependencies { get; set; }

    /// <summary>When these figures were read.</summary>
    public DateTimeOffset GeneratedAt { get; set; }
}

/// <summary>Accounts: all, active, administrators.</summary>
public class UserCounts
{
    public int Total { get; set; }

    public int Active { get; set; }

    public int Admins { get; set; }
}

public class StatusCount
{
    [AllowedValues(JobStatuses.Pending, JobStatuses.Running, JobStatuses.Completed, JobStatuses.Failed, JobStatuses.Cancelled)]
    public required string Status { get; set; }

    public int Count { get; set; }
}

/// <summary>What the live catalogue holds and when it was imported (nothing before the first import).</summary>
public class CatalogueFigures
{
    public DateTimeOffset? ImportedAt { get; set; }

    public long Artists { get; set; }

    public long Labels { get; set; }

    public long Masters { get; set; }

    public long Releases { get; set; }

    public long Genres { get; set; }

    public long Styles { get; set; }
}
