using System.ComponentModel.DataAnnotations;

namespace Discogsography.ServiceModel;

/// <summary>
/// The dashboard's charts, aggregated on the server: syncs per day by outcome, sign-ins and failed sign-ins per hour
/// (from the audit log), and the live catalogue's releases per decade and biggest genres. Every bucket of the
/// requested window is present, zeros included. Audited (<c>admin_stats_viewed</c>).
/// </summary>
[Route("/api/admin/stats", "GET"), Tag(Tags.Admin), RequiredRole(Roles.Admin)]
public class GetAdminStats : IReturn<AdminStatsResponse>
{
    /// <summary>How many days of syncs, ending today (UTC).</summary>
    [Range(1, 90)]
    public int Days { get; set; } = 30;

    /// <summary>How many hours of sign-ins, ending with the current hour (UTC).</summary>
    [Range(1, 168)]
    public int Hours { get; set; } = 48;
}

public class AdminStatsResponse
{
    /// <summary>One entry per day, oldest first.</summary>
    public required List<DailySyncCounts> SyncsPerDay { get; set; }

    /// <summary>One entry per hour, oldest first.</summary>
    public required List<HourlySignIns> SignInsPerHour { get; set; }

    /// <summary>Releases of the live catalogue per decade of their year, oldest first (empty before the first import).</summary>
    public required List<DecadeCount> ReleasesPerDecade { get; set; }

    /// <summary>Releases with no known year.</summary>
    public long UndatedReleases { get; set; }

    /// <summary>The genres with the most releases (at most 10), biggest first.</summary>
    public required List<NamedCount> TopGenres { get; set; }

    /// <summary>When these figures were read.</summary>
    public DateTimeOffset GeneratedAt { get; set; }
}

/// <summary>Syncs started on one day (UTC), by how they stand now.</summary>
public class DailySyncCounts
{
    public DateTimeOffset Day { get; set; }

    public int Completed { get; set; }

    public int Failed { get; set; }

    public int Cancelled { get; set; }

    /// <summary>Queued or still running.</summary>
    public int Active { get; set; }
}

/// <summary>Successful and failed sign-ins in one hour (UTC).</summary>
public class HourlySignIns
{
    public DateTimeOffset Hour { get; set; }

    public int SignIns { get; set; }

    public int Failed { get; set; }
}
