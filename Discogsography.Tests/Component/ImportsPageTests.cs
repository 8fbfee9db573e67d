using System.Net;
using Bunit;
using Discogsography.Admin.Components.Pages;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Component;

public sealed class ImportsPageTests : AdminComponentTest
{
    private List<ImportJobInfo> jobs = null!;

    [SetUp]
    public void AnswerTheJobs()
    {
        jobs = [Job("downloading", ImportStatuses.Running, ImportPhases.Download, 30 * 1024 * 1024, 120 * 1024 * 1024)];
        Api.On<QueryImports, QueryImportsResponse>(r => new QueryImportsResponse { Imports = [.. jobs], Total = jobs.Count, Offset = r.Offset, Limit = r.Limit });
    }

    [Test]
    public void Jobs_show_their_phase_and_progress()
    {
        var page = Context.Render<Imports>();

        Assert.That(page.Find("[data-testid=import-progress]").TextContent, Is.EqualTo("download: 30.0 MB of 120.0 MB"));
        Assert.That(page.Find("[data-testid=imports-grid]").TextContent, Does.Contain("discogs_20240101_releases.xml.gz"));
        Assert.That(page.FindAll(".rz-progressbar"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Progress_updates_live_until_the_job_ends()
    {
        var page = Context.Render<Imports>();

        jobs = [Job("done", ImportStatuses.Completed, ImportPhases.Import, 1, 1)];
        page.WaitForState(() => page.Find("[data-testid=job-status]").TextContent == "completed", TimeSpan.FromSeconds(5));

        Assert.That(page.Find("[data-testid=import-progress]").TextContent, Is.EqualTo("releases 400 records"));
        Assert.That(page.FindAll("[data-testid=cancel-import]"), Is.Empty);
    }

    [Test]
    public void The_start_button_waits_for_a_source()
    {
        var page = Context.Render<Imports>();

        Assert.That(page.Find("[data-testid=start-import-submit]").HasAttribute("disabled"), Is.True);
        page.Find("[data-testid=import-url]").Change("https://data.discogs.com/?download=x");
        Assert.That(page.Find("[data-testid=start-import-submit]").HasAttribute("disabled"), Is.False);
    }

    [Test]
    public async Task A_url_import_is_started_with_its_checksum_and_a_refusal_is_shown()
    {
        Api.On<StartImport, ImportJobInfo>(r => r.Url!.Contains("evil", StringComparison.Ordinal)
            ? throw FakeApiClient.Error(HttpStatusCode.BadRequest, "url: downloads from evil.example are not allowed (IMPORT_ALLOWED_HOSTS: data.discogs.com)")
            : Job("new", ImportStatuses.Pending, null, 0, null));
        var page = Context.Render<Imports>();

        page.Find("[data-testid=import-url]").Change("https://evil.example/discogs_20240101_releases.xml.gz");
        await page.InvokeAsync(() => page.Find("[data-testid=start-import-submit]").Click());
        var refused = page.Find("[data-testid=api-error-message]").TextContent;
        page.Find("[data-testid=import-url]").Change("https://data.discogs.com/discogs_20240101_releases.xml.gz");
        page.Find("[data-testid=import-checksum-url]").Change("https://data.discogs.com/discogs_20240101_CHECKSUM.txt");
        await page.InvokeAsync(() => page.Find("[data-testid=start-import-submit]").Click());

        Assert.That(refused, Does.StartWith("url: downloads from evil.example are not allowed"));
        var sent = Api.SentOf<StartImport>().Last();
        Assert.That((sent.Url, sent.ChecksumUrl, sent.Path), Is.EqualTo(("https://data.discogs.com/discogs_20240101_releases.xml.gz",
            "https://data.discogs.com/discogs_20240101_CHECKSUM.txt", (string?)null)));
        Assert.That(page.Find("[data-testid=notice]").TextContent, Is.EqualTo("Import queued."));
        Assert.That(page.FindAll("[data-testid=api-error]"), Is.Empty);
    }

    [Test]
    public async Task A_running_import_can_be_cancelled()
    {
        Api.On<CancelImport, ImportJobInfo>(r =>
        {
            jobs = [Job("downloading", ImportStatuses.Cancelled, ImportPhases.Download, 1, 1)];
            return jobs[0];
        });
        var page = Context.Render<Imports>();

        await page.InvokeAsync(() => page.Find("[data-testid=cancel-import]").Click());

        Assert.That(Api.SentOf<CancelImport>().Single().Id, Is.EqualTo(jobs[0].Id));
        Assert.That(page.Find("[data-testid=job-status]").TextContent, Is.EqualTo("cancelled"));
    }

    private static ImportJobInfo Job(string name, string status, string? phase, long done, long? total) => new()
    {
        Id = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name))),
        Url = "https://data.discogs.com/data/2024/discogs_20240101_releases.xml.gz", Status = status, Phase = phase, BytesDone = done, BytesTotal = total,
        Files = [new ImportFileInfo { Path = "/imports/discogs_20240101_releases.xml.gz", Kind = "releases", Records = 400 }], CreatedAt = DateTimeOffset.UtcNow,
    };
}
