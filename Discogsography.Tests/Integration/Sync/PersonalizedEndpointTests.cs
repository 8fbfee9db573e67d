using System.Globalization;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;
using Discogsography.Tests.Integration.Catalogue;
using static Discogsography.Tests.Integration.Sync.SyncScenario;

namespace Discogsography.Tests.Integration.Sync;

/// <summary>
/// REFERENCE-API.md §4.9 and §8 on the imported catalogue: a collection and wantlist synced from the fake Discogs,
/// and every answer compared with values computed here from the dump XML (<see cref="DumpOracle"/>) and the lists.
/// </summary>
public sealed class PersonalizedEndpointTests : ApiTest
{
    private const long UnknownRelease = 987_654_321;
    private DumpOracle oracle = null!;
    private Dictionary<long, DumpOracle.Release> catalogue = null!;
    private List<FakeListItem> collection = null!;
    private List<FakeListItem> wantlist = null!;

    [SetUp]
    public async Task SyncTheListsAsync()
    {
        oracle = await CatalogueFixture.OracleAsync();
        catalogue = oracle.Releases.ToDictionary(r => r.Id);
        (collection, wantlist) = BuildLists();
        await Accounts.RegisterAndLoginAsync(Client, "listener@example.com");
        await DiscogsConnections.ConnectAsync(Client, Host, TestServers.Discogs);
        TestServers.Discogs.SetCollection(Username, collection);
        TestServers.Discogs.SetWantlist(Username, wantlist);
        var started = await Client.SendAsync(new TriggerSync());
        Assert.That((await WaitForEndAsync(Client, started.SyncId)).Status, Is.EqualTo(JobStatuses.Completed));
    }

    [Test]
    public async Task The_collection_lists_every_copy_newest_first_with_the_catalogues_fields_for_catalogued_releases()
    {
        var page = await Client.SendAsync(new QueryCollection { Limit = 200 });

        var expected = collection.OrderByDescending(i => DateOf(i) is null).ThenByDescending(DateOf).ThenBy(i => i.ReleaseId).ThenBy(i =>
            i.InstanceId)
            .Select(i => (i.ReleaseId.ToString(CultureInfo.InvariantCulture), TitleOf(i), YearOf(i), ArtistOf(i), LabelOf(i),
                (int?)i.Rating, DateOf(i), (int?)i.FolderId));
        Assert.That(page.Releases.Select(r => (r.Id, r.Title, r.Year, r.Artist, r.Label, r.Rating, r.DateAdded, r.FolderId)),
            Is.EqualTo(expected));
        Assert.That((page.Total, page.HasMore), Is.EqualTo((collection.Count, false)));
        var catalogued = page.Releases.First(r => r.Id != UnknownRelease.ToString(CultureInfo.InvariantCulture));
        Assert.That(catalogued.Artist, Does.Not.StartWith("Discogs artist"),
            "a catalogued release shows the catalogue's artist, not what Discogs sent");
        Assert.That(page.Releases.Single(r => r.Id == UnknownRelease.ToString(CultureInfo.InvariantCulture)).Artist,
            Does.StartWith("Discogs artist"));
    }

    [Test]
    public async Task Collection_pages_follow_offset_and_limit()
    {
        var all = (await Client.SendAsync(new QueryCollection { Limit = 200 })).Releases.Select(r => r.Id).ToList();

        var middle = await Client.SendAsync(new QueryCollection { Offset = 3, Limit = 4 });
        var last = await Client.SendAsync(new QueryCollection { Offset = all.Count - 2, Limit = 4 });

        Assert.That((middle.Releases.Select(r => r.Id), middle.HasMore, middle.Offset, middle.Limit),
            Is.EqualTo((all.Skip(3).Take(4), true, 3, 4)));
        Assert.That((last.Releases.Select(r => r.Id), last.HasMore, last.Total), Is.EqualTo((all.Skip(all.Count - 2), false, all.Count)));
    }

    [Test]
    public async Task The_wantlist_lists_every_want_with_the_catalogues_fields_for_catalogued_releases()
    {
        var page = await Client.SendAsync(new QueryWantlist { Limit = 200 });

        var expected = wantlist.OrderByDescending(i => DateOf(i) is null).ThenByDescending(DateOf).ThenBy(i => i.ReleaseId)
            .Select(i => (i.ReleaseId.ToString(CultureInfo.InvariantCulture), TitleOf(i), YearOf(i), ArtistOf(i),
                CatalogueLabel(i.ReleaseId), (int?)i.Rating, DateOf(i)));
        Assert.That(page.Releases.Select(r => (r.Id, r.Title, r.Year, r.Artist, r.Label, r.Rating, r.DateAdded)), Is.EqualTo(expected));
        Assert.That(page.Total, Is.EqualTo(wantlist.Count));
    }

    [Test]
    public async Task Stats_count_copies_by_genre_label_name_and_decade()
    {
        var stats = await Client.SendAsync(new GetCollectionStats());

        var inCatalogue = collection.Where(i => catalogue.ContainsKey(i.ReleaseId)).Select(i => catalogue[i.ReleaseId]).ToList();
        var genres = inCatalogue.SelectMany(r => r.Genres).GroupBy(g => g).Select(g => (g.Key, g.Count()));
        var discogsLabels = collection.Where(i => !catalogue.ContainsKey(i.ReleaseId) && i.Label.Length > 0).Select(i => i.Label);
        var labels = inCatalogue.SelectMany(r => r.Labels.Select(l => oracle.LabelName(l.Id))).Concat(discogsLabels).GroupBy(n => n)
            .Select(g => (g.Key, g.Count()));
        var decades = collection.Select(YearOf).OfType<int>().GroupBy(y => y / 10 * 10).Select(g => (g.Key, g.Count())).OrderBy(d => d.Key);
        Assert.That(stats.Total, Is.EqualTo(collection.Count));
        Assert.That(stats.ByGenre.Select(g => (g.Name, g.Count)), Is.EqualTo(Biggest(genres)));
        Assert.That(stats.ByLabel.Select(l => (l.Name, l.Count)), Is.EqualTo(Biggest(labels)));
        Assert.That(stats.ByDecade.Select(d => (d.Decade, d.Count)), Is.EqualTo(decades));
        Assert.That(stats.ByDecade, Is.Not.Empty, "years come from the catalogue, so decades are filled");
    }

    [Test]
    public async Task Recommendations_are_releases_of_the_most_collected_artists_not_owned_or_wanted()
    {
        var answer = await Client.SendAsync(new GetRecommendations { Limit = 100 });

        var collected = collection.Where(i => catalogue.ContainsKey(i.ReleaseId)).Select(i => catalogue[i.ReleaseId]).ToList();
        var top = collected.SelectMany(r => r.Artists.Select(a => a.Id)).GroupBy(id => id)
            .Select(g => (Artist: g.Key, Count: g.Count())).OrderByDescending(a => a.Count).ThenBy(a =>
                a.Artist).Take(10).ToDictionary(a => a.Artist, a => a.Count);
        var excluded = collection.Concat(wantlist).Select(i => i.ReleaseId).ToHashSet();
        var expected = oracle.Releases.Where(r => !excluded.Contains(r.Id) && r.Artists.Any(a => top.ContainsKey(a.Id)))
            .Select(r => (Release: r, Score: r.Artists.Where(a => top.ContainsKey(a.Id)).Sum(a => top[a.Id])))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Release.Year is null).ThenByDescending(x => x.Release.Year).ThenBy(x =>
                x.Release.Id).Take(100)
            .Select(x => (x.Release.Id.ToString(CultureInfo.InvariantCulture), x.Release.Title, x.Release.Year, LowestArtist(x.Release),
                CatalogueLabel(x.Release.Id),
                string.Join('|', x.Release.Genres.Order(StringComparer.Ordinal)), x.Score))
            .ToList();
        Assert.That(answer.Recommendations.Select(r => (r.Id, r.Title, r.Year, r.Artist, r.Label, string.Join('|', r.Genres), r.Score)),
            Is.EqualTo(expected));
        Assert.That((answer.Total, expected.Count), Is.EqualTo((answer.Recommendations.Count, answer.Recommendations.Count)));
        Assert.That(expected, Is.Not.Empty);
    }

    [Test]
    public async Task Status_says_which_ids_are_owned_or_wanted_in_the_order_asked()
    {
        var owned = collection[0].ReleaseId;
        var wanted = wantlist[0].ReleaseId;

        var status = (await Client.SendAsync(new GetUserStatus { Ids = $" {wanted}, {owned},abc,,{UnknownRelease},{owned},{UnknownRelease + 5}" })).Status;

        Assert.That(status.Keys, Is.EqualTo(new[] { $"{wanted}", $"{owned}", "abc", $"{UnknownRelease}", $"{UnknownRelease + 5}" }));
        Assert.That(status.Values.Select(s => (s.InCollection, s.InWantlist)), Is.EqualTo(new[]
        {
            (false, true), (true, false), (false, false), (true, false), (false, false),
        }), "a synced release missing from the catalogue still counts as owned");
    }

    /// <summary>
    /// The collection: four releases of the artist with most releases (one owned twice), eight others, one release the
    /// catalogue lacks, one copy without a date, and Discogs values that differ from the catalogue's. The wantlist: the
    /// top artist's next release, two others and an unknown one.
    /// </summary>
    private (List<FakeListItem> Collection, List<FakeListItem> Wantlist) BuildLists()
    {
        var topArtist = oracle.Releases.SelectMany(r => r.Artists.Select(a => a.Id)).GroupBy(id => id)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var byTop = oracle.ReleasesOfArtist(topArtist).OrderBy(r => r.Id).ToList();
        var others = oracle.Releases.Except(byTop).Where((_, i) => i % 53 == 0).ToList();
        var owned = byTop.Take(4).Concat(others.Take(8)).Select(r => r.Id).Append(UnknownRelease).ToList();
        var items = owned.Select((id, i) => Item(id, 7000 + i, i)).Append(Item(owned[0], 8000, 20)).ToList();
        items[3] = items[3] with { DateAdded = "" };
        var wants = byTop.Skip(4).Take(1).Concat(others.Skip(8).Take(2)).Select(r => r.Id).Append(UnknownRelease + 1)
            .Select((id, i) => Item(id, 0, 30 + i)).ToList();
        return (items, wants);
    }

    private static FakeListItem Item(long releaseId, long instanceId, int i) => new(
        releaseId, instanceId, $"Discogs title {i}", i % 4 == 0 ? 0 : 1990 + i, i == 1 ? "" : $"Discogs artist {i}",
        i == 2 ? "" : $"Discogs label {i}",
        "Vinyl", i % 6, new DateTimeOffset(2023, 5, 1, 8, 0, 0, TimeSpan.FromHours(2)).AddDays(-(i * 7 % 11)).AddMinutes(i)
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), FolderId: 1 + i % 3, Notes: $"note {i}");

    private static DateTimeOffset? DateOf(FakeListItem item) =>
        DateTimeOffset.TryParse(item.DateAdded, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    // The rule under test: the catalogue's fields for a release it has, even where Discogs sent other values; what
    // Discogs sent for a release it lacks.
    private string? TitleOf(FakeListItem item) => catalogue.TryGetValue(item.ReleaseId, out var r) ? r.Title : item.Title;

    private int? YearOf(FakeListItem item) => catalogue.TryGetValue(item.ReleaseId, out var r) ? r.Year : item.Year > 0 ? item.Year : null;

    private string? ArtistOf(FakeListItem item) =>
        catalogue.TryGetValue(item.ReleaseId, out var r) ? LowestArtist(r) : item.Artist.Length > 0 ? item.Artist : null;

    private string? LabelOf(FakeListItem item) =>
        catalogue.ContainsKey(item.ReleaseId) ? CatalogueLabel(item.ReleaseId) : item.Label.Length > 0 ? item.Label : null;

    private string? LowestArtist(DumpOracle.Release release) =>
        release.Artists.Count == 0 ? null : oracle.ArtistName(release.Artists.Min(a => a.Id));

    private string? CatalogueLabel(long releaseId) =>
        catalogue.TryGetValue(releaseId, out var r) && r.Labels.Count > 0 ? oracle.LabelName(r.Labels.Min(l => l.Id)) : null;

    private static IEnumerable<(string, int)> Biggest(IEnumerable<(string Name, int Count)> counts) =>
        counts.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).Take(20);
}
