using System.Net;
using Bunit;
using Discogsography.Admin.Components.Pages;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Component;

public sealed class ImportsPageTests : AdminComponentTest
{
    private List<ImportJobInfo> jobs = null!;
    private CatalogueStatusResponse status = null!;

    [SetUp]
    public void AnswerTheJobsAndTheCatalogue()
    {
        jobs = [Job("downloading", JobStatuses.Running, ImportPhases.Download, 30 * 1024 * 1024, 120 * 1024 * 1024)];
        status = Status(live: true);
        Api.On<QueryImports, QueryImportsResponse>(r =>
            new QueryImportsResponse { Imports = [.. jobs], Total = jobs.Count, Offset = r.Offset, Limit = r.Limit });
        Api.On<GetCatalogueStatus, CatalogueStatusResponse>(_ => status);
    }

    [Test]
    public void Jobs_show_their_phase_and_progress()
    {
        var page = Context.Render<Imports>();

        Assert.That(page.Find("[data-testid=import-progress]").TextContent, Is.EqualTo("download: 30.0 MB of 120.0 MB"));
        Assert.That(page.Find("[data-testid=imports-grid]").TextContent, Does.Contain("discogs_20240101_releases.xml.gz"));
        Assert.That(page.FindAll("[data-testid=imports-grid] .mud-progress-linear"), Has.Count.EqualTo(1));
    }

    [Test]
    public void The_live_catalogue_shows_where_it_came_from_even_without_import_jobs()
    {
        jobs = [];
        var page = Context.Render<Imports>();

        Assert.That(page.Find("[data-testid=live-catalogue-origin]").TextContent, Does.Contain("by the import command"));
        Assert.That(page.Find("[data-testid=live-catalogue-counts]").TextContent, Does.Contain("1,000 releases"));
        Assert.That(page.Find("[data-testid=live-catalogue]").TextContent,
            Does.Contain("/srv/imports/sample/discogs_20200806_releases.xml.gz"));
        Assert.That(page.Find("[data-testid=imports-grid-empty]").TextContent,
            Does.Contain("imports run with the import command are not jobs"));
    }

    [Test]
    public void The_import_folder_is_shown_with_its_dump_files_and_one_click_fills_the_path()
    {
        var page = Context.Render<Imports>();

        Assert.That(page.Find("[data-testid=import-dir-path]").TextContent, Is.EqualTo("/srv/imports"));
        Assert.That(page.FindAll("[data-testid=import-dir-file]").Select(f => f.TextContent.Trim()),
            Is.EqualTo(new[] { "sample/discogs_20200806_artists.xml.gz", "sample/discogs_20200806_releases.xml.gz" }));
        page.FindAll("[data-testid=import-dir-file]")[1].Click();

        Assert.That(page.Find("input[data-testid=import-path]").GetAttribute("value"),
            Is.EqualTo("sample/discogs_20200806_releases.xml.gz"));
        Assert.That(page.Find("[data-testid=start-import-submit]").HasAttribute("disabled"), Is.False);
    }

    [Test]
    public void Before_any_import_the_page_says_how_to_get_a_catalogue()
    {
        status = Status(live: false);

        var page = Context.Render<Imports>();

        Assert.That(page.Find("[data-testid=live-catalogue-empty]").TextContent, Does.Contain("No catalogue yet"));
        Assert.That(page.Find("[data-testid=import-dir-empty]").TextContent, Does.Contain("No Discogs dump files"));
    }

    [Test]
    public void Progress_updates_live_until_the_job_ends()
    {
        var page = Context.Render<Imports>();

        jobs = [Job("done", JobStatuses.Completed, ImportPhases.Import, 1, 1)];
        page.WaitForState(() => page.Find("[data-testid=job-status]").TextContent == "completed", TimeSpan.FromSeconds(5));

        Assert.That(page.Find("[data-testid=import-progress]").TextContent, Is.EqualTo("releases 400 records"));
        Assert.That(page.FindAll("[data-testid=cancel-import]"), Is.Empty);
        Assert.That(Api.SentOf<GetCatalogueStatus>(), Has.Count.GreaterThanOrEqualTo(2),
            "the live catalogue is re-read while an import runs");
    }

    [Test]
    public void The_start_button_waits_for_a_source()
    {
        var page = Context.Render<Imports>();

        Assert.That(page.Find("[data-testid=start-import-submit]").HasAttribute("disabled"), Is.True);
        page.Find("input[data-testid=import-url]").Input("https://data.discogs.com/?download=x");
        Assert.That(page.Find("[data-testid=start-import-submit]").HasAttribute("disabled"), Is.False);
    }

    [Test]
    public async Task A_url_import_is_started_with_its_checksum_and_a_refusal_is_shown()
    {
        Api.On<StartImport, ImportJobInfo>(r => r.Url!.Contains("evil", StringComparison.Ordinal)
            ? throw FakeApiClient.Error(HttpStatusCode.BadRequest,
                "url: downloads from evil.example are not allowed (IMPORT_ALLOWED_HOSTS: data.discogs.com)")
            : Job("new", JobStatuses.Pending, null, 0, null));
        var page = Context.Render<Imports>();

        page.Find("input[data-testid=import-url]").Input("https://evil.example/discogs_20240101_releases.xml.gz");
        await page.InvokeAsync(() => page.Find("[data-testid=start-import-submit]").Click());
        var refused = page.WaitForElement("[data-testid=api-error-message]").TextContent;
        page.Find("input[data-testid=import-url]").Input("https://data.discogs.com/discogs_20240101_releases.xml.gz");
        page.Find("input[data-testid=import-checksum-url]").Change("https://data.discogs.com/discogs_20240101_CHECKSUM.txt");
        await page.InvokeAsync(() => page.Find("[data-testid=start-import-submit]").Click());

        Assert.That(refused, Does.StartWith("url: downloads from evil.example are not allowed"));
        var sent = Api.SentOf<StartImport>().Last();
        Assert.That((sent.Url, sent.ChecksumUrl, sent.Path), Is.EqualTo(("https://data.discogs.com/discogs_20240101_releases.xml.gz",
            "https://data.discogs.com/discogs_20240101_CHECKSUM.txt", (string?)null)));
        Assert.That(Notices(), Is.EqualTo(new[] { "Import queued." }));
        Assert.That(page.FindAll("[data-testid=api-error]"), Is.Empty);
    }

    [Test]
    public async Task A_running_import_can_be_cancelled_after_confirming()
    {
        Api.On<CancelImport, ImportJobInfo>(_ =>
        {
            jobs = [Job("downloading", JobStatuses.Cancelled, ImportPhases.Download, 1, 1)];
            return jobs[0];
        });
        var page = Context.Render<Imports>();

        await page.InvokeAsync(() => page.Find("[data-testid=cancel-import]").Click());
        await Dialogs.InvokeAsync(() => Answer(confirm: true));

        page.WaitForState(() => page.Find("[data-testid=job-status]").TextContent == "cancelled");
        Assert.That(Api.SentOf<CancelImport>().Single().Id, Is.EqualTo(jobs[0].Id));
    }

    private static ImportJobInfo Job(string name, string status, string? phase, long done, long? total) => new()
    {
        Id = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name))),
        Url = "https://data.discogs.com/data/2024/discogs_20240101_releases.xml.gz", Status = status, Phase = phase, BytesDone = done,
        BytesTotal = total,
        Files = [new ImportFileInfo { Path = "/imports/discogs_20240101_releases.xml.gz", Kind = "releases", Records = 400 }],
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private static CatalogueStatusResponse Status(bool live) => new()
    {
        Live = live
            ? new LiveCatalogue
            {
                ImportId = Guid.NewGuid(), ImportedAt = DateTimeOffset.UtcNow, Origin = "the import command",
                Files = [new ImportFileInfo { Kind = "releases", Path = "/srv/imports/sample/discogs_20200806_releases.xml.gz",
                    Records = 1000 }],
                Figures = new CatalogueFigures { Releases = 1000, Artists = 300, Labels = 50, Masters = 200 },
            }
            : null,
        ImportDir = new ImportFolder
        {
            Path = "/srv/imports", Exists = true,
            DumpFiles = live
                ? [Entry("sample/discogs_20200806_artists.xml.gz", "artists"), Entry("sample/discogs_20200806_releases.xml.gz", "releases")]
                : [],
        },
    };

    private static ImportFolderEntry Entry(string path, string kind) =>
        new() { Path = path, Kind = kind, DumpDate = "20200806", SizeBytes = 1024 * 1024, ModifiedAt = DateTimeOffset.UtcNow };
}
