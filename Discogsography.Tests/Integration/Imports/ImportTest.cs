using Dapper;
using Discogsography.ServiceInterface.Catalogue.Sample;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Imports;

/// <summary>
/// A host of its own on a database of its own for import jobs (imports replace the catalogue, which other tests
/// read), a local file server standing in for Discogs' downloads with a 400-release dump, and an administrator.
/// </summary>
public abstract class ImportTest
{
    protected const string Releases = "discogs_20200101_releases.xml.gz";
    protected MigratedDatabase database = null!;
    protected TestHost host = null!;
    protected DumpFileServer files = null!;
    protected JsonApiClient admin = null!;

    protected string ImportDir => host.Settings.Imports.Directory;

    [SetUp]
    public async Task StartAsync()
    {
        database = await MigratedDatabase.CreateAsync("imports");
        host = await TestHost.StartAsync(TestHost.SettingsFor(database.Settings, redisUrl: null));
        files = await DumpFileServer.StartAsync();
        new SampleGenerator(new SampleOptions { Releases = 400, Date = "20200101" }).WriteAll(files.Folder);
        admin = await AdminClientAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        admin.Dispose();
        await host.DisposeAsync();
        await files.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(ImportDir, recursive: true);
    }

    /// <summary>The generated dump copied into IMPORT_DIR, as an operator would put it there; the path relative to it.</summary>
    protected string ServerFolder()
    {
        var folder = Path.Combine(ImportDir, "dumps");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(files.Folder, "discogs_*.xml.gz"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        return "dumps";
    }

    protected async Task<JsonApiClient> AdminClientAsync()
    {
        var client = new JsonApiClient(new HttpClient { BaseAddress = host.ApiUrl });
        await client.SendAsync(new Register { Email = "admin@example.com", Password = Accounts.Password });
        await using (var connection = await database.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("UPDATE users SET is_admin = TRUE");
        client.BearerToken = (await client.SendAsync(new Login { Email = "admin@example.com", Password = Accounts.Password })).AccessToken;
        return client;
    }

    protected Task<ImportJobInfo> WaitForEndAsync(Guid id, JsonApiClient? client = null) =>
        WaitForAsync(id, job => job.Status is not (JobStatuses.Pending or JobStatuses.Running), client);

    protected async Task<ImportJobInfo> WaitForAsync(Guid id, Func<ImportJobInfo, bool> condition, JsonApiClient? client = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = await (client ?? admin).SendAsync(new GetImport { Id = id });
            if (condition(job))
                return job;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Import {id} never got there; it is {job.Status} in {job.Phase} ({job.BytesDone} bytes, error {job.Error})");
            await Task.Delay(50);
        }
    }

    protected async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
