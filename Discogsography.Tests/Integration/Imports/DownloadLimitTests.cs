using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Imports;

/// <summary>
/// A download waits neither for headers nor for a stalled body longer than its limits (the checksum file included),
/// tries again where it broke, and follows no redirect that changes the port.
/// </summary>
public sealed class DownloadLimitTests : ImportTest
{
    [Test]
    public async Task A_server_that_sends_no_headers_is_given_up_on_and_the_download_tried_again()
    {
        files.DelayHeaders = TimeSpan.FromMinutes(5);

        var job = await WaitForEndAsync((await admin.SendAsync(new StartImport { Url = files.FileUrl(Releases).ToString() })).Id);

        Assert.That((job.Status, job.Error), Is.EqualTo((JobStatuses.Completed, (string?)null)));
        Assert.That(files.Requests.Count(r => r.Path.EndsWith(Releases, StringComparison.Ordinal)), Is.EqualTo(2),
            "the silent request, then the one that worked");
        Assert.That(host.Logs.Lines, Has.Some.Contains("sent no response headers for 2 s"));
    }

    [Test]
    public async Task A_checksum_file_that_stalls_mid_body_is_given_up_on_and_fetched_again()
    {
        var checksums = files.WriteChecksums("discogs_20200101_CHECKSUM.txt", [Releases]);
        files.StallAfter = 10;

        var started = await admin.SendAsync(new StartImport { Url = files.FileUrl(Releases).ToString(),
            ChecksumUrl = files.FileUrl(checksums).ToString() });
        var job = await WaitForEndAsync(started.Id);

        Assert.That((job.Status, job.Error), Is.EqualTo((JobStatuses.Completed, (string?)null)));
        Assert.That(files.Requests.Select(r => (Path.GetFileName(r.Path), r.BytesSent)).Take(2),
            Is.EqualTo(new[] { (checksums, 10L), (checksums, new FileInfo(Path.Combine(files.Folder, checksums)).Length) }));
    }

    [Test]
    public async Task A_redirect_to_another_port_of_an_allowed_host_is_not_followed()
    {
        await using var elsewhere = await DumpFileServer.StartAsync();
        File.Copy(Path.Combine(files.Folder, Releases), Path.Combine(elsewhere.Folder, Releases));
        var url = files.RedirectTo(elsewhere.FileUrl(Releases));

        var job = await WaitForEndAsync((await admin.SendAsync(new StartImport { Url = url + "&download=" + Releases })).Id);

        Assert.That((job.Status, job.Error), Is.EqualTo((JobStatuses.Failed,
            $"127.0.0.1 redirected from port {files.Url.Port} to port {elsewhere.Url.Port}; the download was not followed there")));
        Assert.That(elsewhere.Requests, Is.Empty);
    }
}
