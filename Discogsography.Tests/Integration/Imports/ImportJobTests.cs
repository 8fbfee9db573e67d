using System.Net;
using Dapper;
using Discogsography.ServiceInterface.Catalogue.Sample;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Imports;

/// <summary>
/// Dump downloads and imports as jobs, end to end: a local file server stands in for Discogs' downloads (Range
/// support, a dropped connection, a wrong checksum), a host of its own on a database of its own runs the jobs
/// (imports replace the catalogue, which other tests read).
/// </summary>
public sealed class ImportJobTests : ImportTest
{
    [Test]
    public async Task A_url_import_downloads_verifies_and_imports_and_the_catalogue_answers()
    {
        var checksums = files.WriteChecksums("discogs_20200101_CHECKSUM.txt", [Releases]);

        var started = await admin.SendAsync(new StartImport { Url = files.FileUrl(Releases).ToString(),
            ChecksumUrl = files.FileUrl(checksums).ToString() });
        var job = await WaitForEndAsync(started.Id);

        var size = new FileInfo(Path.Combine(files.Folder, Releases)).Length;
        Assert.That((started.Status, job.Status, job.Error, job.Phase), Is.EqualTo(("pending", "completed", (string?)null, "import")));
        Assert.That(job.Files.Select(f => (f.Kind, f.SizeBytes, f.Records)), Is.EqualTo(new[] { ("releases", (long?)size, (long?)400) }));
        Assert.That(File.ReadAllBytes(job.Files[0].Path), Is.EqualTo(File.ReadAllBytes(Path.Combine(files.Folder, Releases))));
        Assert.That(job.Files[0].Path, Does.StartWith(ImportDir));
        Assert.That(await ScalarAsync("SELECT count(*) FROM graph.releases"), Is.EqualTo(400));
        var release = await ScalarAsync("SELECT min(id) FROM graph.releases");
        using var anonymous = new JsonApiClient(new HttpClient { BaseAddress = host.ApiUrl });
        Assert.That((await anonymous.SendAsync(new GetNode { NodeId = release.ToString(), Type = "release" })).Id,
            Is.EqualTo(release.ToString()));
    }

    [Test]
    public async Task A_dropped_connection_resumes_where_it_broke_instead_of_starting_again()
    {
        var size = new FileInfo(Path.Combine(files.Folder, Releases)).Length;
        files.DisconnectAfter = size * 2 / 5;

        var job = await WaitForEndAsync((await admin.SendAsync(new StartImport { Url = files.FileUrl(Releases).ToString() })).Id);

        var requests = files.Requests.Where(r => r.Path.EndsWith(Releases, StringComparison.Ordinal)).ToList();
        Assert.That(job.Status, Is.EqualTo("completed"), job.Error);
        Assert.That(requests.Select(r => (r.Range, r.BytesSent)),
            Is.EqualTo(new[] { ((string?)null, size * 2 / 5), ($"bytes={size * 2 / 5}-", size - size * 2 / 5) }));
        Assert.That(File.ReadAllBytes(job.Files[0].Path), Is.EqualTo(File.ReadAllBytes(Path.Combine(files.Folder, Releases))));
    }

    [Test]
    public async Task A_wrong_checksum_fails_the_job_deletes_the_file_and_the_previous_catalogue_keeps_serving()
    {
        await WaitForEndAsync((await admin.SendAsync(new StartImport { Path = ServerFolder() })).Id);
        var before = await ScalarAsync("SELECT count(*) FROM graph.releases");
        File.Copy(Path.Combine(files.Folder, Releases), Path.Combine(files.Folder, "discogs_20200202_releases.xml.gz"));
        var checksums = files.WriteChecksums("CHECKSUM.txt", ["discogs_20200202_releases.xml.gz"],
            wrongFor: "discogs_20200202_releases.xml.gz");

        var job = await WaitForEndAsync((await admin.SendAsync(new StartImport
        {
            Url = files.FileUrl("discogs_20200202_releases.xml.gz").ToString(), ChecksumUrl = files.FileUrl(checksums).ToString(),
        })).Id);

        Assert.That((job.Status, job.Phase), Is.EqualTo(("failed", "verify")));
        Assert.That(job.Error,
            Does.StartWith("Checksum mismatch for discogs_20200202_releases.xml.gz: the file's SHA-256 is ").And.EndWith($"says {new string('0', 64)}"));
        Assert.That(File.Exists(job.Files[0].Path), Is.False, "the bad download is deleted");
        Assert.That(await ScalarAsync("SELECT count(*) FROM graph.releases"), Is.EqualTo(before).And.EqualTo(400));
    }

    [Test]
    public async Task A_server_side_folder_is_imported_file_by_file()
    {
        var job = await WaitForEndAsync((await admin.SendAsync(new StartImport { Path = ServerFolder() })).Id);

        Assert.That(job.Status, Is.EqualTo("completed"), job.Error);
        Assert.That(job.Files.Select(f => f.Kind), Is.EqualTo(new[] { "artists", "labels", "masters", "releases" }));
        Assert.That(job.Files.Single(f => f.Kind == "releases").Records, Is.EqualTo(400));
        Assert.That(await ScalarAsync("SELECT count(*) FROM graph.labels WHERE has_record"),
            Is.EqualTo(job.Files.Single(f => f.Kind == "labels").Records));
    }

    [Test]
    public async Task Statements_prepared_against_the_old_catalogue_answer_from_the_new_one_after_an_import()
    {
        await WaitForEndAsync((await admin.SendAsync(new StartImport { Path = ServerFolder() })).Id);
        using var anonymous = new JsonApiClient(new HttpClient { BaseAddress = host.ApiUrl });
        var before = await anonymous.SendAsync(new Autocomplete { Q = "zz", Limit = 5 });
        for (var i = 0; i < 3; i++)
            await anonymous.SendAsync(new GetTrends { Name = "Electronic", Type = "genre" });
        var newer = Path.Combine(ImportDir, "newer");
        new SampleGenerator(new SampleOptions { Releases = 150, Date = "20220101", Seed = 7 }).WriteAll(newer);

        await WaitForEndAsync((await admin.SendAsync(new StartImport { Path = "newer" })).Id);
        var trends = await anonymous.SendAsync(new GetTrends { Name = "Electronic", Type = "genre" });

        Assert.That(before.Results, Is.Not.Null);
        Assert.That(trends.Data.Sum(d => d.Count), Is.EqualTo(await ScalarAsync("""
            SELECT count(*) FROM graph.release_genres rg JOIN graph.genres g ON g.id = rg.genre_id WHERE g.name = 'Electronic' AND rg.year IS NOT NULL
            """)).And.LessThanOrEqualTo(150), "the trends come from the newly imported catalogue");
    }

    [TestCase("../outside", "path must be inside IMPORT_DIR ({0})")]
    [TestCase("/etc", "path must be inside IMPORT_DIR ({0})")]
    [TestCase("escape/passwd", "path must be inside IMPORT_DIR ({0})")]
    [TestCase("nothing-here", "nothing-here: no such file or folder in IMPORT_DIR")]
    public void Paths_outside_IMPORT_DIR_are_400(string path, string message)
    {
        Directory.CreateSymbolicLink(Path.Combine(ImportDir, "escape"), "/etc");

        var error = Assert.ThrowsAsync<ApiException>(() => admin.SendAsync(new StartImport { Path = path }))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.BadRequest, string.Format(message, ImportDir))));
    }

    [TestCase("https://example.com/discogs_20200101_releases.xml.gz", null,
        "url: downloads from example.com are not allowed (IMPORT_ALLOWED_HOSTS: 127.0.0.1)")]
    [TestCase("ftp://127.0.0.1/discogs_20200101_releases.xml.gz", null, "url must be an http or https URL")]
    [TestCase("http://127.0.0.1/passwords.txt", null,
        "url must name a Discogs dump file (discogs_YYYYMMDD_artists|labels|masters|releases.xml[.gz])")]
    [TestCase("http://127.0.0.1/discogs_20200101_releases.xml.gz", "https://evil.example/CHECKSUM.txt",
        "checksum_url: downloads from evil.example are not allowed (IMPORT_ALLOWED_HOSTS: 127.0.0.1)")]
    public void Urls_that_are_not_allowed_dumps_are_400(string url, string? checksumUrl, string message)
    {
        var error = Assert.ThrowsAsync<ApiException>(() => admin.SendAsync(new StartImport { Url = url, ChecksumUrl = checksumUrl }))!;

        Assert.That((error.StatusCode, error.ErrorMessage), Is.EqualTo((HttpStatusCode.BadRequest, message)));
    }

    [Test]
    public void Both_or_neither_of_url_and_path_is_400()
    {
        var both = Assert.ThrowsAsync<ApiException>(() =>
            admin.SendAsync(new StartImport { Url = files.FileUrl(Releases).ToString(), Path = "x" }))!;
        var neither = Assert.ThrowsAsync<ApiException>(() => admin.SendAsync(new StartImport()))!;

        Assert.That(new[] { both.ErrorMessage, neither.ErrorMessage }, Is.All.EqualTo("Give either url or path"));
    }

    [Test]
    public async Task A_redirect_to_a_host_not_allowed_fails_the_job_without_following_it()
    {
        var url = files.RedirectTo(new Uri("http://localhost:1/discogs_20200101_releases.xml.gz"));

        var job = await WaitForEndAsync((await admin.SendAsync(new StartImport { Url = url
            + "&download=discogs_20200101_releases.xml.gz" })).Id);

        Assert.That((job.Status, job.Error),
            Is.EqualTo(("failed", "127.0.0.1 redirected to localhost, which IMPORT_ALLOWED_HOSTS does not allow")));
    }

    [Test]
    public async Task A_download_can_be_cancelled_and_leaves_nothing_behind()
    {
        files.BytesPerSecond = 20_000;
        var started = await admin.SendAsync(new StartImport { Url = files.FileUrl(Releases).ToString() });
        await WaitForAsync(started.Id, job => job.BytesDone > 0);

        var cancelling = await admin.SendAsync(new CancelImport { Id = started.Id });
        var job = await WaitForEndAsync(started.Id);

        Assert.That((cancelling.CancelRequested, job.Status, job.Error), Is.EqualTo((true, "cancelled", "Cancelled by an administrator")));
        Assert.That(Directory.Exists(Path.Combine(ImportDir, "downloads", started.Id.ToString("N"))), Is.False);
        Assert.That(await ScalarAsync("SELECT count(*) FROM graph.releases"), Is.Zero);
        Assert.That(Assert.ThrowsAsync<ApiException>(() => admin.SendAsync(new CancelImport { Id = started.Id }))!.StatusCode,
            Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task An_import_cancelled_while_it_builds_the_catalogue_leaves_the_live_one_untouched()
    {
        await WaitForEndAsync((await admin.SendAsync(new StartImport { Path = ServerFolder() })).Id);
        var big = Path.Combine(ImportDir, "big");
        new SampleGenerator(new SampleOptions { Releases = 30_000, Date = "20210101" }).WriteAll(big);
        var started = await admin.SendAsync(new StartImport { Path = "big" });
        await WaitForAsync(started.Id, job => job.Phase == ImportPhases.Import);

        await admin.SendAsync(new CancelImport { Id = started.Id });
        var job = await WaitForEndAsync(started.Id);

        Assert.That(job.Status, Is.EqualTo("cancelled"), job.Error);
        Assert.That(await ScalarAsync("SELECT count(*) FROM graph.releases"), Is.EqualTo(400));
        Assert.That(await ScalarAsync("SELECT count(*) FROM pg_namespace WHERE nspname = 'graph_staging'"), Is.Zero,
            "the staging schema is dropped");
        Assert.That(Directory.Exists(big), Is.True, "files on the server are the operator's: a cancel does not delete them");
    }

    [Test]
    public async Task A_host_stopped_mid_download_gives_the_job_back_and_the_next_host_resumes_the_download()
    {
        files.BytesPerSecond = 40_000;
        var started = await admin.SendAsync(new StartImport { Url = files.FileUrl(Releases).ToString() });
        await WaitForAsync(started.Id, job => job.BytesDone > 0);

        await host.DisposeAsync();
        files.BytesPerSecond = null;
        host = await TestHost.StartAsync(TestHost.SettingsFor(database.Settings, redisUrl: null) with { Imports = host.Settings.Imports });
        using var again = new JsonApiClient(new HttpClient { BaseAddress = host.ApiUrl }) { BearerToken = admin.BearerToken };
        var job = await WaitForEndAsync(started.Id, again);

        var resumed = files.Requests.Last();
        Assert.That((job.Status, job.Attempts), Is.EqualTo(("completed", 1)), job.Error);
        Assert.That(resumed.Range, Does.Match("^bytes=[1-9][0-9]*-$"), "the second host asked for the rest, not the whole file");
        Assert.That(await ScalarAsync("SELECT count(*) FROM graph.releases"), Is.EqualTo(400));
    }

    [Test]
    public async Task Jobs_are_listed_newest_first_and_every_start_and_cancel_is_audited()
    {
        var first = await admin.SendAsync(new StartImport { Path = ServerFolder() });
        await WaitForEndAsync(first.Id);
        var second = await admin.SendAsync(new StartImport { Url = files.FileUrl(Releases).ToString() });
        await WaitForEndAsync(second.Id);

        var page = await admin.SendAsync(new QueryImports { Limit = 1 });
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var actions = (await connection.QueryAsync<string>("SELECT action FROM audit_log WHERE action LIKE '%import%' ORDER BY id")).ToList();

        Assert.That((page.Imports.Single().Id, page.Total, page.HasMore), Is.EqualTo((second.Id, 2, true)));
        Assert.That(page.Imports[0].RequestedBy, Is.EqualTo("admin@example.com"));
        Assert.That(actions, Is.EqualTo(new[] { "admin_import_started", "import_completed", "admin_import_started", "import_completed" }));
    }
}
