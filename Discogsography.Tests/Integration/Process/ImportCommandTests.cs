using System.IO.Compression;
using System.Text;
using Dapper;
using Discogsography.ServiceInterface.Catalogue.Sample;
using Discogsography.ServiceInterface.Data;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Process;

/// <summary>The <c>generate-sample</c> and <c>import</c> verbs as an operator runs them (output redirected: log lines, not bars).</summary>
public sealed class ImportCommandTests
{
    [Test]
    public async Task A_generated_sample_imports_from_the_command_line()
    {
        await using var database = await TestDatabase.CreateAsync(TestServers.PostgresServer, "verbimport");
        var folder = Directory.CreateTempSubdirectory("sample").FullName;
        var environment = HostProcess.PostgresEnvironment(database.Settings);

        var generated = await HostProcess.RunAsync(environment, "generate-sample", "--out", folder, "--releases", "2000");
        var imported = await HostProcess.RunAsync(environment, "import", folder);

        Directory.Delete(folder, recursive: true);
        Assert.That(generated.ExitCode, Is.Zero, generated.Error);
        Assert.That(generated.Output, Does.Contain("Generated 2,000 releases, 1,052 artists, 242 labels, 263 masters"));
        Assert.That(imported.ExitCode, Is.Zero, imported.Error + imported.Output);
        Assert.That(imported.Output,
            Does.Contain("discogs_20200806_releases.xml.gz: 2000 records loaded in").And.Contain("is live (import took"));
        await using var dataSource = PostgresDataSource.Create(database.Settings);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM graph.releases"), Is.EqualTo(2000));
    }

    [Test]
    public async Task The_seed_option_writes_the_dump_of_that_seed()
    {
        var folder = Directory.CreateTempSubdirectory("seeded").FullName;
        var inProcess = new SampleGenerator(new SampleOptions { Releases = 300, Seed = 7 }).WriteAll(Path.Combine(folder, "in-process"));

        var generated = await HostProcess.RunAsync(new Dictionary<string, string>(), "generate-sample", "--out", Path.Combine(folder, "verb"),
            "--releases", "300", "--seed", "7");

        var expected = inProcess.Select(File.ReadAllBytes).ToList();
        var written = inProcess.Select(f => File.ReadAllBytes(Path.Combine(folder, "verb", Path.GetFileName(f)))).ToList();
        Directory.Delete(folder, recursive: true);
        Assert.That(generated.ExitCode, Is.Zero, generated.Error);
        Assert.That(written, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_malformed_file_exits_1_with_one_line_naming_file_line_and_record()
    {
        await using var database = await TestDatabase.CreateAsync(TestServers.PostgresServer, "verbbad");
        var folder = Directory.CreateTempSubdirectory("bad").FullName;
        var file = Path.Combine(folder, "discogs_20200101_labels.xml.gz");
        await using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("<labels><label><id>7</id><name>Seven</name></labl></labels>"));

        var (exitCode, _, error) = await HostProcess.RunAsync(HostProcess.PostgresEnvironment(database.Settings), "import", file);

        Directory.Delete(folder, recursive: true);
        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.Trim(),
            Does.StartWith("discogs_20200101_labels.xml.gz: malformed dump at line 1, position ").And.Contain("(record id 7)"));
    }

    [Test]
    public async Task A_file_that_is_not_a_dump_is_refused_by_name()
    {
        var (exitCode, _, error) = await HostProcess.RunAsync(HostProcess.PostgresEnvironment(TestServers.PostgresServer), "import",
            "/etc/hostname");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("not a Discogs dump file"));
    }
}
