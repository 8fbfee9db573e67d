using Discogsography.ServiceInterface.Audit;
using Discogsography.ServiceInterface.Data;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Admin;

/// <summary>The dashboard's charts. Read once per visit (not polled), and audited like the other detail views.</summary>
public sealed class AdminStatsServices(AdminStatsQueries stats, AuditLog audit, TimeProvider time) : Service
{
    private const int TopGenreCount = 10;

    public async Task<AdminStatsResponse> Get(GetAdminStats request)
    {
        var now = time.GetUtcNow();
        var (decades, undated) = await stats.ReleasesPerDecadeAsync(Aborted);
        var response = new AdminStatsResponse
        {
            SyncsPerDay = [.. await stats.SyncsPerDayAsync(now, request.Days, Aborted)],
            SignInsPerHour = [.. await stats.SignInsPerHourAsync(now, request.Hours, Aborted)],
            ReleasesPerDecade = [.. decades],
            UndatedReleases = undated,
            TopGenres = [.. await stats.TopGenresAsync(TopGenreCount, Aborted)],
            GeneratedAt = now,
        };
        await audit.RecordAsync(Context, new AuditEntry(AuditActions.AdminStatsViewed, Caller.UserId, "stats", null,
            new Dictionary<string, object?> { ["days"] = request.Days, ["hours"] = request.Hours }));
        return response;
    }
}
