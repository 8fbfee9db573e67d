using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceModel;

namespace Discogsography.Tests.Infrastructure;

/// <summary>
/// A catalogue imported into a database of its own and served by a host of its own: for tests whose dump or import
/// settings differ from the shared catalogue's.
/// </summary>
public sealed class CatalogueOfItsOwn : IAsyncDisposable
{
    private CatalogueOfItsOwn(MigratedDatabase database, TestHost host)
    {
        Database = database;
        Host = host;
        Client = new JsonApiClient(new HttpClient { BaseAddress = host.ApiUrl });
    }

    public MigratedDatabase Database { get; }

    public TestHost Host { get; }

    /// <summary>A client of <see cref="Host"/>, signed in as nobody.</summary>
    public JsonApiClient Client { get; }

    /// <summary>Imports <paramref name="files"/> (with <paramref name="shape"/>'s thresholds) and starts the host.</summary>
    public static async Task<CatalogueOfItsOwn> ImportAsync(string name, IReadOnlyList<DumpFile> files, CatalogueShape? shape = null)
    {
        var database = await MigratedDatabase.CreateAsync(name);
        await TestImporter.ImportAsync(database.DataSource, files, "tests: " + name, shape);
        return new CatalogueOfItsOwn(database, await TestHost.StartAsync(TestHost.SettingsFor(database.Settings, redisUrl: null)));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
