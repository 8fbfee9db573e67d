using System.Net;
using Dapper;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Catalogue;

namespace Discogsography.Tests.Integration.Admin;

/// <summary>The dashboard's chart data and the Imports page's view of the live catalogue and IMPORT_DIR, through the admin API.</summary>
public sealed class AdminStatsTests : ApiTest
{
    [SetUp]
    public Task SignInAsync() => Accounts.RegisterAdminAsync(Client, "admin@example.com");

    [Test]
    public async Task Syncs_per_day_count_every_outcome_in_every_bucket_of_the_window()
    {
        await Accounts.CreateDirectlyAsync("member@example.com");
        await AdminOperationsTests.InsertSyncAsync("member@example.com", "completed", TimeSpan.FromMinutes(5));
        await AdminOperationsTests.InsertSyncAsync("member@example.com", "failed", TimeSpan.FromMinutes(6));
        await AdminOperationsTests.InsertSyncAsync("member@example.com", "completed", TimeSpan.FromDays(3));
        await AdminOperationsTests.InsertSyncAsync("member@example.com", "cancelled", TimeSpan.FromDays(3));
        await AdminOperationsTests.InsertSyncAsync("member@example.com", "completed", TimeSpan.FromDays(40));

        var stats = await Client.SendAsync(new GetAdminStats { Days = 30 });

        var today = DayOf(stats.GeneratedAt);
        Assert.That(stats.SyncsPerDay.Select(d => d.Day), Is.EqualTo(Enumerable.Range(0, 30).Select(i => today.AddDays(i - 29))));
        var byDay = stats.SyncsPerDay.ToDictionary(d => d.Day, d => (d.Completed, d.Failed, d.Cancelled, d.Active));
        Assert.That(byDay[DayOf(DateTimeOffset.UtcNow.AddDays(-3))], Is.EqualTo((1, 0, 1, 0)));
        Assert.That((stats.SyncsPerDay.Sum(d => d.Completed), stats.SyncsPerDay.Sum(d => d.Failed),
            stats.SyncsPerDay.Sum(d => d.Cancelled)),
            Is.EqualTo((2, 1, 1)), "the 40-day-old sync is outside the window");
    }

    [Test]
    public async Task Sign_ins_and_failed_sign_ins_are_counted_per_hour_from_the_audit_log()
    {
        using var member = Accounts.NewClient();
        await Accounts.RegisterAndLoginAsync(member, "member@example.com");
        Assert.ThrowsAsync<ApiException>(() => member.SendAsync(new Login { Email = "member@example.com", Password = "wrong password!" }));
        Assert.ThrowsAsync<ApiException>(() => member.SendAsync(new Login { Email = "nobody@example.com", Password = "wrong password!" }));

        var stats = await Client.SendAsync(new GetAdminStats { Hours = 6 });

        Assert.That(stats.SignInsPerHour, Has.Count.EqualTo(6));
        var now = stats.SignInsPerHour[^1];
        Assert.That(now.Hour, Is.EqualTo(HourOf(stats.GeneratedAt)));
        Assert.That((now.SignIns, now.Failed), Is.EqualTo((2, 2)), "the admin's and the member's sign-ins; two failures");
        Assert.That(stats.SignInsPerHour.Take(5).Sum(h => h.SignIns + h.Failed), Is.Zero);
    }

    [Test]
    public async Task The_catalogue_charts_match_the_dump()
    {
        var oracle = await CatalogueFixture.OracleAsync();

        var stats = await Client.SendAsync(new GetAdminStats());

        var decades = oracle.Releases.Where(r => r.Year is not null).GroupBy(r => r.Year!.Value / 10 * 10).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()));
        Assert.That(stats.ReleasesPerDecade.Select(d => (d.Decade, d.Count)), Is.EqualTo(decades));
        Assert.That(stats.UndatedReleases, Is.EqualTo(oracle.Releases.Count(r => r.Year is null)));
        var genres = oracle.Releases.SelectMany(r => r.Genres.Distinct()).GroupBy(g => g)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(10).Select(g => (g.Key, g.Count()));
        Assert.That(stats.TopGenres.Select(g => (g.Name, g.Count)), Is.EqualTo(genres));
    }

    [Test]
    public async Task Reading_the_stats_is_audited_and_the_window_is_bounded()
    {
        await Client.SendAsync(new GetAdminStats { Days = 7, Hours = 12 });
        var tooLong = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetAdminStats { Days = 91 }))!;

        await using var connection = await TestServers.Database.OpenConnectionAsync();
        var details = await connection.QuerySingleAsync<string>("SELECT details::text FROM audit_log WHERE action = 'admin_stats_viewed'");
        Assert.That(details, Is.EqualTo("""{"days": 7, "hours": 12}"""));
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task The_live_catalogue_says_when_and_from_which_files_it_was_imported()
    {
        var oracle = await CatalogueFixture.OracleAsync();

        var status = await Client.SendAsync(new GetCatalogueStatus());

        var live = status.Live!;
        Assert.That(live.Origin, Is.EqualTo(CatalogueFixture.Origin));
        Assert.That(live.Files.Select(f => f.Kind), Is.EqualTo(new[] { "artists", "labels", "masters", "releases" }));
        Assert.That(live.Files.Single(f => f.Kind == "releases").Path,
            Is.EqualTo(CatalogueFixture.FileOf(ServiceInterface.Catalogue.Import.DumpKind.Releases).Path));
        Assert.That(live.Files.Single(f => f.Kind == "releases").Records, Is.EqualTo(oracle.Releases.Count));
        Assert.That(live.Figures.Releases, Is.EqualTo(oracle.Releases.Count));
    }

    [Test]
    public async Task The_import_folder_lists_its_dump_files_relative_to_itself_newest_first()
    {
        var root = Host.Settings.Imports.Directory;
        foreach (var name in new[] { "old/discogs_20200101_labels.xml.gz", "new/discogs_20240101_releases.xml.gz", "new/notes.txt" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, name))!);
            await File.WriteAllTextAsync(Path.Combine(root, name), "x");
        }
        try
        {
            var folder = (await Client.SendAsync(new GetCatalogueStatus())).ImportDir;

            Assert.That((folder.Path, folder.Exists), Is.EqualTo((root, true)));
            Assert.That(folder.DumpFiles.Select(f => (f.Path, f.Kind, f.DumpDate, f.SizeBytes)), Is.EqualTo(new[]
            {
                ("new/discogs_20240101_releases.xml.gz", "releases", "20240101", 1L),
                    ("old/discogs_20200101_labels.xml.gz", "labels", "20200101", 1L),
            }));
        }
        finally
        {
            Directory.Delete(Path.Combine(root, "old"), recursive: true);
            Directory.Delete(Path.Combine(root, "new"), recursive: true);
        }
    }

    private static DateTimeOffset DayOf(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);

    private static DateTimeOffset HourOf(DateTimeOffset time) =>
        new(time.UtcDateTime.Date.AddHours(time.UtcDateTime.Hour), TimeSpan.Zero);
}
