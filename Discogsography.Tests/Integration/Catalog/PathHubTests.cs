using Discogsography.ServiceInterface.Catalog.Import;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalog;

/// <summary>
/// The path search never lists a hub's releases; with the hub threshold lowered to two releases (most labels, many
/// artists and styles become hubs), every path must still be as short as the oracle's full breadth-first search says.
/// </summary>
public sealed class PathHubTests
{
    private MigratedDatabase database = null!;
    private TestHost host = null!;
    private JsonApiClient client = null!;

    [OneTimeSetUp]
    public async Task ImportWithSmallHubsAsync()
    {
        database = await MigratedDatabase.CreateAsync("path_hubs");
        await TestImporter.For(database.DataSource, new CatalogShape(PathHubMinimumReleases: 2))
            .ImportAsync(DumpFile.InDirectory(CatalogFixture.Folder), "hub test", new LogImportProgress(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance),
                CancellationToken.None);
        host = await TestHost.StartAsync(TestHost.SettingsFor(database.Settings, redisUrl: null));
        client = new JsonApiClient(new HttpClient { BaseAddress = host.ApiUrl });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    [Test]
    public async Task Paths_through_many_hubs_are_still_shortest_and_real()
    {
        var oracle = await CatalogFixture.DiscoveryAsync();
        var dump = await CatalogFixture.OracleAsync();
        var artists = PathChecks.Findable(dump.Releases.SelectMany(r => r.Artists.Select(a => a.Id)), dump.AllArtistIds(), dump.ArtistName);
        var labels = PathChecks.Findable(dump.Releases.SelectMany(r => r.Labels.Select(l => l.Id)), dump.AllLabelIds(), dump.LabelName);
        var random = new Random(41);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            var hubs = await Dapper.SqlMapper.QuerySingleAsync<(long Labels, long Artists, long Styles)>(connection,
                "SELECT count(*) FILTER (WHERE kind = 'l'), count(*) FILTER (WHERE kind = 'a'), count(*) FILTER (WHERE kind = 's') FROM graph.path_hubs");
            Assert.That(new[] { hubs.Labels, hubs.Artists, hubs.Styles }, Is.All.GreaterThan(10), $"hubs of every kind: {hubs}");
        }

        for (var i = 0; i < 60; i++)
        {
            var (from, to) = (artists[random.Next(artists.Count)], artists[random.Next(artists.Count)]);
            await PathChecks.AssertShortestAsync(client, oracle, DiscoveryOracle.Artist(from), "artist", dump.ArtistName(from), DiscoveryOracle.Artist(to), "artist",
                dump.ArtistName(to), maxDepth: 10);
            var label = labels[random.Next(labels.Count)];
            await PathChecks.AssertShortestAsync(client, oracle, new OracleNode('l', label.ToString(System.Globalization.CultureInfo.InvariantCulture)), "label",
                dump.LabelName(label), DiscoveryOracle.Artist(to), "artist", dump.ArtistName(to), maxDepth: 10);
        }
    }
}
