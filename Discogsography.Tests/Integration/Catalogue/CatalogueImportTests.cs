using System.IO.Compression;
using System.Text;
using Dapper;
using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceInterface.Catalogue.Sample;
using Discogsography.ServiceInterface.Data;
using Discogsography.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>The importer's guarantees, each on a database of its own.</summary>
public sealed class CatalogueImportTests
{
    private MigratedDatabase database = null!;
    private CatalogueImporter importer = null!;
    private string scratch = null!;

    [SetUp]
    public async Task CreateDatabaseAsync()
    {
        database = await MigratedDatabase.CreateAsync("import");
        importer = TestImporter.For(database.DataSource);
        scratch = Directory.CreateTempSubdirectory("dumps").FullName;
    }

    [TearDown]
    public async Task DropDatabaseAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(scratch, recursive: true);
    }

    [Test]
    public async Task A_catalogue_imported_before_the_discovery_tables_gets_them_built_in_place_once()
    {
        await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder));
        var imported = await FingerprintAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync($"TRUNCATE {string.Join(", ", CatalogueBackfill.Tables.Select(t => "graph." + t))}");
        var backfill = new CatalogueBackfill(database.DataSource, TestImporter.Budget, new CatalogueShape(),
            NullLogger<CatalogueBackfill>.Instance);

        var built = await backfill.RunAsync(CancellationToken.None);
        var again = await backfill.RunAsync(CancellationToken.None);

        Assert.That(built, Is.EqualTo(new[] { "the discovery tables", "the autocomplete words" }));
        Assert.That(again, Is.Empty);
        Assert.That(await FingerprintAsync(), Is.EqualTo(imported));
    }

    [Test]
    public async Task A_catalogue_imported_before_the_autocomplete_words_gets_only_them_built_in_place()
    {
        await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder));
        var imported = await FingerprintAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("TRUNCATE graph.name_words");
        var backfill = new CatalogueBackfill(database.DataSource, TestImporter.Budget, new CatalogueShape(),
            NullLogger<CatalogueBackfill>.Instance);

        var built = await backfill.RunAsync(CancellationToken.None);

        Assert.That(built, Is.EqualTo(new[] { "the autocomplete words" }));
        Assert.That(await FingerprintAsync(), Is.EqualTo(imported), "the words as an import writes them, and nothing else written twice");
    }

    [Test]
    public async Task A_catalogue_whose_names_have_no_second_word_has_no_words_to_backfill()
    {
        var file = WriteGzip("discogs_20200101_artists.xml.gz",
            "<artists><artist><id>1</id><name>Alpha</name></artist><artist><id>2</id><name>Beta-</name></artist></artists>");
        await ImportAsync([DumpFile.Of(file)]);
        var backfill = new CatalogueBackfill(database.DataSource, TestImporter.Budget, new CatalogueShape(),
            NullLogger<CatalogueBackfill>.Instance);

        Assert.That(await backfill.RunAsync(CancellationToken.None), Is.Empty, "an empty table of words is what this catalogue has");
    }

    [Test]
    public async Task An_empty_database_has_nothing_to_backfill()
    {
        var backfill = new CatalogueBackfill(database.DataSource, TestImporter.Budget, new CatalogueShape(),
            NullLogger<CatalogueBackfill>.Instance);

        Assert.That(await backfill.RunAsync(CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Importing_the_same_files_twice_gives_the_same_catalogue()
    {
        await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder));
        var first = await FingerprintAsync();

        await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder));

        Assert.That(await FingerprintAsync(), Is.EqualTo(first));
        Assert.That(first["artists"], Is.Not.EqualTo(first["labels"]), "the fingerprint sees content");
    }

    [Test]
    public async Task One_build_worker_builds_the_same_catalogue_as_many()
    {
        await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder));
        var parallel = await FingerprintAsync();
        var oneWorker = BuildBudget.For(TestImporter.ManyCores, PostgresDataSource.ImportPoolSize, totalMemoryMegabytes: 256, workers: 1);

        await new CatalogueImporter(database.DataSource, TimeProvider.System, oneWorker, new CatalogueShape())
            .ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder), "tests", new LogImportProgress(NullLogger.Instance),
                CancellationToken.None);

        Assert.That(oneWorker.Parallelism, Is.EqualTo(1));
        Assert.That(await FingerprintAsync(), Is.EqualTo(parallel));
    }

    [Test]
    public async Task The_files_can_come_in_any_order()
    {
        await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder));
        var canonical = await FingerprintAsync();

        await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder).Reverse().ToList());

        Assert.That(await FingerprintAsync(), Is.EqualTo(canonical));
    }

    [Test]
    public async Task Importing_a_subset_replaces_those_kinds_and_keeps_the_rest()
    {
        await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder));
        var before = await FingerprintAsync();

        var releases = await ScalarAsync<long>("SELECT count(*) FROM graph.releases");

        await ImportAsync([CatalogueFixture.FileOf(DumpKind.Labels)]);

        Assert.That(await FingerprintAsync(), Is.EqualTo(before), "the same labels file over the same catalogue changes nothing");
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM graph.releases"), Is.EqualTo(releases).And.GreaterThan(0));
    }

    [Test]
    public async Task A_truncated_file_fails_naming_file_line_and_record_and_the_previous_catalogue_keeps_serving()
    {
        await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder));
        var before = await FingerprintAsync();
        var releases = CatalogueFixture.FileOf(DumpKind.Releases).Path;
        var source = File.ReadAllBytes(releases);
        var truncated = Path.Combine(scratch, Path.GetFileName(releases));
        File.WriteAllBytes(truncated, source[..(source.Length / 2)]);

        var error = Assert.ThrowsAsync<DumpFormatException>(() => ImportAsync([DumpFile.Of(truncated)]))!;

        Assert.That(error.Message, Does.StartWith($"{Path.GetFileName(releases)}: malformed dump at line ").And.Contain("record id"));
        Assert.That(await FingerprintAsync(), Is.EqualTo(before));
        Assert.That(await ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'graph_staging')"), Is.False,
            "the staging schema is dropped");
    }

    [Test]
    public async Task Malformed_XML_names_the_line_and_the_record_it_is_in()
    {
        var file = WriteGzip("discogs_20200101_releases.xml.gz",
            "<releases>\n<release id=\"1\" status=\"Accepted\"><title>Fine</title></release>\n<release id=\"2\" status=\"Accepted\"><title>Broken</release>\n</releases>");

        var error = Assert.ThrowsAsync<DumpFormatException>(() => ImportAsync([DumpFile.Of(file)]))!;

        Assert.That(error.Message,
            Does.StartWith("discogs_20200101_releases.xml.gz: malformed dump at line 3, position ").And.Contain("(record id 2)"));
    }

    [Test]
    public async Task A_newer_dump_replaces_the_older_catalogue()
    {
        await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder));
        new SampleGenerator(new SampleOptions { Releases = 300, Date = "20990101" }).WriteAll(scratch);

        await ImportAsync(DumpFile.InDirectory(scratch));

        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM graph.releases"), Is.EqualTo(300));
        Assert.That(await ScalarAsync<string>("SELECT files->'releases'->>'file' FROM graph.catalog_info"),
            Is.EqualTo("discogs_20990101_releases.xml.gz"));
    }

    [Test]
    public void A_second_import_while_one_runs_is_refused()
    {
        Assert.ThrowsAsync<ImportInProgressException>(async () =>
        {
            await using var holder = await database.DataSource.OpenConnectionAsync();
            await holder.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = CatalogueImporter.ImportLockKey });
            await ImportAsync(DumpFile.InDirectory(CatalogueFixture.Folder));
        });
    }

    [Test]
    public async Task Generated_samples_are_deterministic_and_valid_for_the_importer()
    {
        var first = new SampleGenerator(new SampleOptions { Releases = 500 }).WriteAll(Path.Combine(scratch, "a"));
        var second = new SampleGenerator(new SampleOptions { Releases = 500 }).WriteAll(Path.Combine(scratch, "b"));
        var otherSeed = new SampleGenerator(new SampleOptions { Releases = 500, Seed = 7 }).WriteAll(Path.Combine(scratch, "c"));

        await ImportAsync(DumpFile.InDirectory(Path.Combine(scratch, "a")));

        Assert.That(first.Select(File.ReadAllBytes), Is.EqualTo(second.Select(File.ReadAllBytes)));
        Assert.That(first.Zip(otherSeed).Where(f => File.ReadAllBytes(f.First).SequenceEqual(File.ReadAllBytes(f.Second))), Is.Empty,
            "another seed writes other files");
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM graph.releases"), Is.EqualTo(500));
        var top = await ScalarAsync<long>("SELECT max(releases) FROM graph.artist_stats");
        var median = await ScalarAsync<double>("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY releases) FROM graph.artist_stats WHERE releases > 0");
        Assert.That(top, Is.GreaterThan(median * 10), "skewed: a few artists own most releases");
    }

    private Task ImportAsync(IReadOnlyList<DumpFile> files) =>
        importer.ImportAsync(files, "tests", new LogImportProgress(NullLogger.Instance), CancellationToken.None);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException(sql);
    }

    /// <summary>An md5 of each query table's rows (catalog_info excluded: it records the import itself).</summary>
    private async Task<Dictionary<string, string>> FingerprintAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var tables = await connection.QueryAsync<string>(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'graph' AND tablename <> 'catalog_info' ORDER BY tablename");
        var fingerprint = new Dictionary<string, string>();
        foreach (var table in tables)
            fingerprint[table] = await connection.ExecuteScalarAsync<string>($"SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) FROM graph.{table} t") ?? "";
        return fingerprint;
    }

    private string WriteGzip(string name, string xml)
    {
        var path = Path.Combine(scratch, name);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(xml));
        return path;
    }
}
