using Discogsography.ServiceInterface.Catalogue.Import;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>
/// The catalogue imported with its thresholds lowered, so a small dump takes the paths big catalogues take: with hubs
/// of two releases (most labels, many artists and styles are hubs) every path must still be as short as the oracle's
/// full breadth-first search says, and with search facets counted at import for every word in more than three names,
/// search must still answer exactly what the oracle says.
/// </summary>
public sealed class LowThresholdCatalogueTests
{
    private CatalogueOfItsOwn catalogue = null!;

    [OneTimeSetUp]
    public async Task ImportWithSmallHubsAsync() => catalogue = await CatalogueOfItsOwn.ImportAsync("low_thresholds",
        DumpFile.InDirectory(CatalogueFixture.Folder), new CatalogueShape(PathHubMinimumReleases: 2, SearchFacetMinimumPostings: 3));

    [OneTimeTearDown]
    public async Task StopAsync() => await catalogue.DisposeAsync();

    [Test]
    public async Task Common_words_with_facets_counted_at_import_answer_like_the_oracle_with_and_without_filters()
    {
        var entries = (await CatalogueFixture.DiscoveryAsync()).SearchEntries().ToList();
        var word = SearchChecks.CommonWord(entries);
        await using (var connection = await catalogue.Database.DataSource.OpenConnectionAsync())
            Assert.That(await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
                "SELECT count(*) FROM graph.search_facets WHERE lexeme = @word", new { word }),
                Is.GreaterThan(0), "the word's facets were counted at import");

        foreach (var (types, genres, yearMin) in new[] { ("artist,label,master,release", "", (int?)null),
            ("release,master", "Rock,Electronic", (int?)1980) })
        {
            var expected = await SearchChecks.ExpectedAsync(entries, word, types.Split(','),
                genres.Split(',', StringSplitOptions.RemoveEmptyEntries), yearMin, null);
            var all = await SearchChecks.ExpectedAsync(entries, word, SearchChecks.TypeOrder, [], null, null);

            var answer = await catalogue.Client.SendAsync(new Search { Q = word, Types = types, Genres = genres, YearMin = yearMin, Limit = 100 });

            Assert.That(answer.Results.Select(r => (r.Type, r.Id)),
                Is.EqualTo(expected.Take(100).Select(e => (e.Type, e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            Assert.That(answer.Total, Is.EqualTo(expected.Count));
            Assert.That(answer.Facets.Type, Is.EqualTo(types.Split(',').ToDictionary(t => t, t => all.Count(e => e.Type == t))));
            Assert.That(answer.Facets.Genre, Is.EqualTo(all.Where(e => e.Type == "release").SelectMany(e => e.Genres ?? []).GroupBy(g => g)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(20)
                    .Select(g => KeyValuePair.Create(g.Key, g.Count()))));
            Assert.That(answer.Facets.Decade, Is.EqualTo(all.Where(e => e.Type is "master" or "release" && e.Year is >= 1000 and <= 9999)
                .GroupBy(e => e.Year!.Value / 10 * 10).OrderBy(g => g.Key).Select(g => KeyValuePair.Create($"{g.Key}s", g.Count()))));
        }
    }

    [Test]
    public async Task Paths_through_many_hubs_are_still_shortest_and_real()
    {
        var oracle = await CatalogueFixture.DiscoveryAsync();
        var dump = await CatalogueFixture.OracleAsync();
        var artists = PathChecks.Findable(dump.Releases.SelectMany(r => r.Artists.Select(a => a.Id)), dump.AllArtistIds(), dump.ArtistName);
        var labels = PathChecks.Findable(dump.Releases.SelectMany(r => r.Labels.Select(l => l.Id)), dump.AllLabelIds(), dump.LabelName);
        var random = new Random(41);
        await using (var connection = await catalogue.Database.DataSource.OpenConnectionAsync())
        {
            var hubs = await Dapper.SqlMapper.QuerySingleAsync<(long Labels, long Artists, long Styles)>(connection,
                "SELECT count(*) FILTER (WHERE kind = 'l'), count(*) FILTER (WHERE kind = 'a'), count(*) FILTER (WHERE kind = 's') FROM graph.path_hubs");
            Assert.That(new[] { hubs.Labels, hubs.Artists, hubs.Styles }, Is.All.GreaterThan(10), $"hubs of every kind: {hubs}");
        }

        for (var i = 0; i < 60; i++)
        {
            var (from, to) = (artists[random.Next(artists.Count)], artists[random.Next(artists.Count)]);
            await PathChecks.AssertShortestAsync(catalogue.Client, oracle, DiscoveryOracle.Artist(from), "artist", dump.ArtistName(from),
                DiscoveryOracle.Artist(to), "artist",
                dump.ArtistName(to), maxDepth: 10);
            var label = labels[random.Next(labels.Count)];
            await PathChecks.AssertShortestAsync(catalogue.Client, oracle,
                new OracleNode('l', label.ToString(System.Globalization.CultureInfo.InvariantCulture)), "label",
                dump.LabelName(label), DiscoveryOracle.Artist(to), "artist", dump.ArtistName(to), maxDepth: 10);
        }
    }
}
