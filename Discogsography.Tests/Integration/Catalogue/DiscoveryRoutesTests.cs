using System.Globalization;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>
/// Genre tree, year range, genre emergence, graph statistics, collaborators and <c>before_year</c> on expand, each
/// answer compared with the oracle's, and every refusal with its exact message.
/// </summary>
public sealed class DiscoveryRoutesTests : ApiTest
{
    [Test]
    public async Task The_genre_tree_lists_genres_and_their_co_occurring_styles_by_release_count()
    {
        var expected = (await CatalogueFixture.DiscoveryAsync()).GenreTree();

        var tree = await Client.SendAsync(new GetGenreTree());

        Assert.That(tree.Genres.Select(g => (g.Name, g.ReleaseCount)), Is.EqualTo(expected.Select(g => (g.Genre, g.Releases))));
        foreach (var (genre, (_, _, styles)) in tree.Genres.Zip(expected))
            Assert.That(genre.Styles.Select(s => (s.Name, s.ReleaseCount)), Is.EqualTo(styles.Select(s => (s.Style, s.Releases))),
                genre.Name);
    }

    [Test]
    public async Task The_year_range_is_the_oldest_and_newest_release_year_within_1900_and_2030()
    {
        var dump = await CatalogueFixture.OracleAsync();
        var years = dump.Releases.Where(r => r.Year is not null).Select(r => r.Year!.Value).ToList();

        var range = await Client.SendAsync(new GetYearRange());

        Assert.That((range.MinYear, range.MaxYear),
            Is.EqualTo(((int?)Math.Clamp(years.Min(), 1900, 2030), (int?)Math.Clamp(years.Max(), 1900, 2030))));
    }

    [TestCase(1900)]
    [TestCase(1965)]
    [TestCase(2030)]
    public async Task Genre_emergence_lists_tags_first_dated_no_later_than_the_year(int beforeYear)
    {
        var oracle = await CatalogueFixture.DiscoveryAsync();

        var answer = await Client.SendAsync(new GetGenreEmergence { BeforeYear = beforeYear });

        Assert.That(answer.Genres.Select(g => (g.Name, g.FirstYear)),
            Is.EqualTo(oracle.FirstYears(r => r.Genres).Where(g => g.FirstYear <= beforeYear)));
        Assert.That(answer.Styles.Select(s => (s.Name, s.FirstYear)),
            Is.EqualTo(oracle.FirstYears(r => r.Styles).Where(s => s.FirstYear <= beforeYear)));
    }

    [Test]
    public async Task Graph_stats_count_every_entity_stubs_included()
    {
        var expected = (await CatalogueFixture.DiscoveryAsync()).Counts();

        var stats = await Client.SendAsync(new GetGraphStats());
        using var raw = await Http.GetAsync("/api/graph/stats");

        var c = stats.Counts;
        Assert.That(new[] { c.Artists, c.Labels, c.Releases, c.Masters, c.Genres, c.Styles }, Is.EqualTo(expected));
        Assert.That(stats.TotalEntities, Is.EqualTo(expected.Sum()));
        Assert.That(await raw.Content.ReadAsStringAsync(), Does.StartWith("""{"total_entities":""").And.Contains("""{"artists":"""));
    }

    [Test]
    public async Task Collaborators_are_listed_by_shared_dated_releases_with_their_years()
    {
        var oracle = await CatalogueFixture.DiscoveryAsync();
        var dump = await CatalogueFixture.OracleAsync();
        var artists = oracle.ArtistsWithCollaborators().Select(a => (Id: a, Collaborations: oracle.Collaborations(a)))
            .OrderByDescending(a => a.Collaborations.Count).ThenBy(a => a.Id).Take(5).ToList();

        foreach (var (id, collaborations) in artists)
        {
            var answer = await Client.SendAsync(new GetCollaborators { ArtistId = Text(id), Limit = 2 });

            var expected = collaborations.Select(c => (Id: c.Key, Count: c.Value.Values.Sum(), Years: c.Value))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Id).Take(2).ToList();
            Assert.That((answer.ArtistId, answer.ArtistName, answer.Total),
                Is.EqualTo((Text(id), dump.ArtistName(id), collaborations.Count)));
            Assert.That(answer.Collaborators.Select(c => (c.ArtistId, c.ArtistName, c.ReleaseCount, c.FirstYear, c.LastYear)),
                Is.EqualTo(expected.Select(e =>
                    (Text(e.Id), (string?)dump.ArtistName(e.Id), e.Count, e.Years.Keys.Min(), e.Years.Keys.Max()))));
            Assert.That(answer.Collaborators.Select(c => c.YearlyCounts.Select(y => (y.Year, y.Count))),
                Is.EqualTo(expected.Select(e => e.Years.Select(y => (y.Key, y.Value)))));
        }
    }

    [Test]
    public async Task An_artist_without_collaborators_has_none_and_a_total_of_zero()
    {
        var dump = await CatalogueFixture.OracleAsync();
        var oracle = await CatalogueFixture.DiscoveryAsync();
        var loner = dump.AllArtistIds().Order().First(a => oracle.Collaborations(a).Count == 0);

        var answer = await Client.SendAsync(new GetCollaborators { ArtistId = Text(loner) });

        Assert.That((answer.Collaborators.Count, answer.Total), Is.EqualTo((0, 0)));
    }

    [TestCase("/api/collaborators/999999999", 404, """{"error":"Artist '999999999' not found"}""")]
    [TestCase("/api/collaborators/not-a-number", 404, """{"error":"Artist 'not-a-number' not found"}""")]
    [TestCase("/api/collaborators/1?limit=0", 422, "greater_than_equal")]
    [TestCase("/api/collaborators/1?limit=101", 422, "less_than_equal")]
    [TestCase("/api/explore/genre-emergence", 422, "missing")]
    [TestCase("/api/explore/genre-emergence?before_year=1899", 422, "greater_than_equal")]
    [TestCase("/api/explore/genre-emergence?before_year=2031", 422, "less_than_equal")]
    [TestCase("/api/expand?node_id=Rock&type=genre&category=releases&before_year=1899", 422, "greater_than_equal")]
    [TestCase("/api/expand?node_id=Rock&type=genre&category=releases&before_year=2031", 422, "less_than_equal")]
    public async Task Refusals_carry_the_reference_messages(string url, int status, string body)
    {
        await CatalogueFixture.OracleAsync();

        using var response = await Http.GetAsync(url);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(body));
    }

    [TestCase(1975)]
    [TestCase(1995)]
    public async Task Before_year_keeps_only_releases_dated_up_to_it_in_releases_and_counted_categories(int beforeYear)
    {
        var dump = await CatalogueFixture.OracleAsync();
        var genre = dump.Releases.SelectMany(r => r.Genres).GroupBy(g => g).MaxBy(g => g.Count())!.Key;
        var artist = PathChecks.Findable(dump.Releases.SelectMany(r => r.Artists.Select(a => a.Id)), dump.AllArtistIds(), dump.ArtistName)
            .MaxBy(a => dump.ReleasesOfArtist(a).Count());
        bool Counts(DumpOracle.Release r) => r.Year is { } y && y <= beforeYear;

        var genreReleases = dump.ReleasesOfGenre(genre).Where(Counts).ToList();
        Assert.That(await AllChildrenAsync(genre, "genre", "releases", beforeYear),
            Is.EqualTo(DumpOracle.NewestFirst(genreReleases).Select(r => (Text(r.Id), r.Title, (int?)null))));
        Assert.That(await AllChildrenAsync(genre, "genre", "artists", beforeYear),
            Is.EqualTo(DumpOracle.Counted(genreReleases, r => r.Artists.Select(a => a.Id), a => a)
                .Select(a => (Text(a.Key), dump.ArtistName(a.Key), (int?)a.Count))));
        Assert.That(await AllChildrenAsync(genre, "genre", "styles", beforeYear),
            Is.EqualTo(DumpOracle.Counted(genreReleases, r => r.Styles, s => s, StringComparer.Ordinal)
                .Select(s => (s.Key, s.Key, (int?)s.Count))));
        var artistReleases = dump.ReleasesOfArtist(artist).Where(Counts).ToList();
        Assert.That(await AllChildrenAsync(dump.ArtistName(artist), "artist", "labels", beforeYear),
            Is.EqualTo(DumpOracle.Counted(artistReleases, r => r.Labels.Select(l => l.Id), l => l)
                .Select(l => (Text(l.Key), dump.LabelName(l.Key), (int?)l.Count))));
        Assert.That(await AllChildrenAsync(dump.ArtistName(artist), "artist", "aliases", beforeYear),
            Is.EqualTo(await AllChildrenAsync(dump.ArtistName(artist), "artist", "aliases", null)), "aliases ignore before_year");
        var label = PathChecks.Findable(dump.Releases.SelectMany(r => r.Labels.Select(l => l.Id)), dump.AllLabelIds(), dump.LabelName)
            .MaxBy(l => dump.ReleasesOfLabel(l).Count());
        var labelReleases = dump.ReleasesOfLabel(label).Where(Counts).ToList();
        Assert.That(await AllChildrenAsync(dump.LabelName(label), "label", "genres", beforeYear),
            Is.EqualTo(DumpOracle.Counted(labelReleases, r => r.Genres, g => g, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Key, (int?)g.Count))));
        Assert.That(await AllChildrenAsync(dump.LabelName(label), "label", "artists", beforeYear),
            Is.EqualTo(DumpOracle.Counted(labelReleases, r => r.Artists.Select(a => a.Id), a => a)
                .Select(a => (Text(a.Key), dump.ArtistName(a.Key), (int?)a.Count))));
        var style = dump.Releases.SelectMany(r => r.Styles).GroupBy(s => s).MaxBy(s => s.Count())!.Key;
        var styleReleases = dump.ReleasesOfStyle(style).Where(Counts).ToList();
        Assert.That(await AllChildrenAsync(style, "style", "genres", beforeYear),
            Is.EqualTo(DumpOracle.Counted(styleReleases, r => r.Genres, g => g, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Key, (int?)g.Count))));
        Assert.That(await AllChildrenAsync(style, "style", "labels", beforeYear),
            Is.EqualTo(DumpOracle.Counted(styleReleases, r => r.Labels.Select(l => l.Id), l => l)
                .Select(l => (Text(l.Key), dump.LabelName(l.Key), (int?)l.Count))));
    }

    /// <summary>Every page of a category (page size 2), each checked for a consistent total; (id, name, release_count).</summary>
    private async Task<List<(string Id, string Name, int? ReleaseCount)>> AllChildrenAsync(string node, string type, string category,
        int? beforeYear)
    {
        var children = new List<(string, string, int?)>();
        ExpandResponse page;
        do
        {
            page = await Client.SendAsync(new Expand { NodeId = node, Type = type, Category = category, Limit = 2, Offset = children.Count,
                BeforeYear = beforeYear });
            children.AddRange(page.Children.Select(c => (c.Id, c.Name, c.ReleaseCount)));
            Assert.That(page.HasMore, Is.EqualTo(children.Count < page.Total), $"{type} {node} {category}");
        }
        while (page.HasMore);
        Assert.That(children, Has.Count.EqualTo(page.Total));
        return children;
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
