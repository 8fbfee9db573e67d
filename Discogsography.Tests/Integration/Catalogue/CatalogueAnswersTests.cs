using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>Every endpoint's answer on the real samples, against values computed independently from the XML.</summary>
public sealed class CatalogueAnswersTests : ApiTest
{
    private DumpOracle oracle = null!;

    [SetUp]
    public async Task LoadOracleAsync() => oracle = await CatalogueFixture.RealOracleAsync();

    [TestCase("The Persuader")]
    [TestCase("John Tejada")]
    [TestCase("Pete Moss")]
    public async Task Exploring_an_artist_counts_its_releases_labels_and_links(string name)
    {
        var id = oracle.ArtistId(name);
        var releases = oracle.ReleasesOfArtist(id).ToList();

        var explore = await Client.SendAsync(new Explore { Name = name });

        Assert.That((explore.Center.Id, explore.Center.Name, explore.Center.Type), Is.EqualTo((id.ToString(), name, "artist")));
        Assert.That(explore.Categories.Select(c => (c.Id, c.Name, c.Category, c.Count)), Is.EqualTo(new[]
        {
            ("cat-releases", "Releases", "releases", releases.Count),
            ("cat-labels", "Labels", "labels", releases.SelectMany(r => r.Labels.Select(l => l.Id)).Distinct().Count()),
            ("cat-aliases", "Aliases & Members", "aliases", oracle.Links(id).Count),
        }));
    }

    [TestCase("The Persuader")]
    [TestCase("John Tejada")]
    public async Task An_artists_releases_labels_and_aliases_expand_in_the_documented_order(string name)
    {
        var id = oracle.ArtistId(name);
        var releases = DumpOracle.NewestFirst(oracle.ReleasesOfArtist(id))
            .Select(r => (r.Id.ToString(), r.Title, "release", r.Year, (int?)null));
        var labels = DumpOracle.Counted(oracle.ReleasesOfArtist(id), r => r.Labels.Select(l => l.Id), l => l)
            .Select(l => (l.Key.ToString(), oracle.LabelName(l.Key), "label", (int?)null, (int?)l.Count));
        var aliases = oracle.Links(id).Select(a => (a.ToString(), oracle.ArtistName(a), "artist", (int?)null, (int?)null));

        Assert.That(await ChildrenAsync(name, "artist", "releases"), Is.EqualTo(releases));
        Assert.That(await ChildrenAsync(name, "artist", "labels"), Is.EqualTo(labels));
        Assert.That(await ChildrenAsync(name, "artist", "aliases"), Is.EqualTo(aliases));
    }

    [Test]
    public async Task A_genre_explores_and_expands_into_releases_artists_labels_and_styles()
    {
        var releases = oracle.ReleasesOfGenre("Electronic").ToList();
        var artists = releases.SelectMany(r => r.Artists.Select(a => a.Id)).Distinct()
            .Select(a => (Id: a, Name: oracle.ArtistName(a))).OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id).ToList();
        var labels = DumpOracle.Counted(releases, r => r.Labels.Select(l => l.Id), l => l);
        var styles = DumpOracle.Counted(releases, r => r.Styles, s => s, StringComparer.Ordinal);

        var explore = await Client.SendAsync(new Explore { Name = "Electronic", Type = "genre" });

        Assert.That(explore.Categories.Select(c => (c.Category, c.Count)), Is.EqualTo(new[]
        {
            ("releases", releases.Count), ("artists", artists.Count), ("labels", labels.Count), ("styles", styles.Count),
        }));
        Assert.That(await ChildrenAsync("Electronic", "genre", "releases"),
            Is.EqualTo(DumpOracle.NewestFirst(releases).Select(r => (r.Id.ToString(), r.Title, "release", r.Year, (int?)null))));
        Assert.That(await ChildrenAsync("Electronic", "genre", "artists"),
            Is.EqualTo(artists.Select(a => (a.Id.ToString(), a.Name, "artist", (int?)null, (int?)null))));
        Assert.That(await ChildrenAsync("Electronic", "genre", "labels"),
            Is.EqualTo(labels.Select(l => (l.Key.ToString(), oracle.LabelName(l.Key), "label", (int?)null, (int?)l.Count))));
        Assert.That(await ChildrenAsync("Electronic", "genre", "styles"),
            Is.EqualTo(styles.Select(s => (s.Key, s.Key, "style", (int?)null, (int?)s.Count))));
    }

    [TestCase("Svek")]
    [TestCase("Planet E")]
    public async Task A_label_explores_and_expands_into_releases_artists_and_genres(string name)
    {
        var id = oracle.LabelId(name);
        var releases = oracle.ReleasesOfLabel(id).ToList();
        var artists = DumpOracle.Counted(releases, r => r.Artists.Select(a => a.Id), a => a);
        var genres = DumpOracle.Counted(releases, r => r.Genres, g => g, StringComparer.Ordinal);

        var explore = await Client.SendAsync(new Explore { Name = name, Type = "label" });

        Assert.That(explore.Center.Id, Is.EqualTo(id.ToString()));
        Assert.That(explore.Categories.Select(c => (c.Category, c.Count)),
            Is.EqualTo(new[] { ("releases", releases.Count), ("artists", artists.Count), ("genres", genres.Count) }));
        Assert.That(await ChildrenAsync(name, "label", "releases"),
            Is.EqualTo(DumpOracle.NewestFirst(releases).Select(r => (r.Id.ToString(), r.Title, "release", r.Year, (int?)null))));
        Assert.That(await ChildrenAsync(name, "label", "artists"),
            Is.EqualTo(artists.Select(a => (a.Key.ToString(), oracle.ArtistName(a.Key), "artist", (int?)null, (int?)a.Count))));
        Assert.That(await ChildrenAsync(name, "label", "genres"),
            Is.EqualTo(genres.Select(g => (g.Key, g.Key, "genre", (int?)null, (int?)g.Count))));
    }

    [TestCase("Deep House")]
    [TestCase("Techno")]
    public async Task A_style_explores_and_expands_into_releases_artists_labels_and_genres(string style)
    {
        var releases = oracle.ReleasesOfStyle(style).ToList();
        var artists = releases.SelectMany(r => r.Artists.Select(a => a.Id)).Distinct()
            .Select(a => (Id: a, Name: oracle.ArtistName(a))).OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id).ToList();
        var labels = DumpOracle.Counted(releases, r => r.Labels.Select(l => l.Id), l => l);
        var genres = DumpOracle.Counted(releases, r => r.Genres, g => g, StringComparer.Ordinal);

        var explore = await Client.SendAsync(new Explore { Name = style, Type = "style" });

        Assert.That(explore.Categories.Select(c => (c.Category, c.Count)), Is.EqualTo(new[]
        {
            ("releases", releases.Count), ("artists", artists.Count), ("labels", labels.Count), ("genres", genres.Count),
        }));
        Assert.That(await ChildrenAsync(style, "style", "artists"),
            Is.EqualTo(artists.Select(a => (a.Id.ToString(), a.Name, "artist", (int?)null, (int?)null))));
        Assert.That(await ChildrenAsync(style, "style", "labels"),
            Is.EqualTo(labels.Select(l => (l.Key.ToString(), oracle.LabelName(l.Key), "label", (int?)null, (int?)l.Count))));
        Assert.That(await ChildrenAsync(style, "style", "genres"),
            Is.EqualTo(genres.Select(g => (g.Key, g.Key, "genre", (int?)null, (int?)g.Count))));
    }

    [TestCase(0, 10)]
    [TestCase(10, 10)]
    [TestCase(270, 50)]
    public async Task Pages_follow_offset_and_limit_and_say_whether_more_exist(int offset, int limit)
    {
        var all = DumpOracle.NewestFirst(oracle.ReleasesOfGenre("Electronic")).Select(r => r.Id.ToString()).ToList();

        var page = await Client.SendAsync(new Expand { NodeId = "Electronic", Type = "genre", Category = "releases", Offset = offset,
            Limit = limit });

        Assert.That(page.Children.Select(c => c.Id), Is.EqualTo(all.Skip(offset).Take(limit)));
        Assert.That((page.Total, page.Offset, page.Limit, page.HasMore),
            Is.EqualTo((all.Count, offset, limit, offset + page.Children.Count < all.Count)));
    }

    [Test]
    public async Task Node_details_of_an_artist_a_release_a_label_a_genre_and_a_style()
    {
        var persuader = oracle.ArtistId("The Persuader");
        var personReleases = oracle.ReleasesOfArtist(persuader).ToList();
        var release = oracle.Releases.First();

        var artist = await Client.SendAsync(new GetNode { NodeId = persuader.ToString() });
        var byName = await Client.SendAsync(new GetNode { NodeId = "The Persuader" });
        var node = await Client.SendAsync(new GetNode { NodeId = release.Id.ToString(), Type = "release" });
        var label = await Client.SendAsync(new GetNode { NodeId = "Svek", Type = "label" });
        var genre = await Client.SendAsync(new GetNode { NodeId = "Electronic", Type = "genre" });

        Assert.Multiple(() =>
        {
            Assert.That((artist.Name, artist.ReleaseCount), Is.EqualTo(("The Persuader", personReleases.Count)));
            Assert.That(artist.Genres, Is.EqualTo(personReleases.SelectMany(r => r.Genres).Distinct().Order(StringComparer.Ordinal)));
            Assert.That(artist.Styles, Is.EqualTo(personReleases.SelectMany(r => r.Styles).Distinct().Order(StringComparer.Ordinal)));
            Assert.That(artist.Groups, Is.EqualTo(oracle.Groups(persuader).Select(oracle.ArtistName).Order(StringComparer.Ordinal)));
            Assert.That(byName.Id, Is.EqualTo(artist.Id));
            Assert.That((node.Name, node.Year), Is.EqualTo((release.Title, release.Year)));
            Assert.That(node.Artists,
                Is.EqualTo(release.Artists.Select(a => oracle.ArtistName(a.Id)).Distinct().Order(StringComparer.Ordinal)));
            Assert.That(node.Labels,
                Is.EqualTo(release.Labels.Select(l => oracle.LabelName(l.Id)).Distinct().Order(StringComparer.Ordinal)));
            Assert.That(node.Genres, Is.EqualTo(release.Genres.Order(StringComparer.Ordinal)));
            Assert.That(label.ReleaseCount, Is.EqualTo(oracle.ReleasesOfLabel(oracle.LabelId("Svek")).Count()));
            Assert.That(genre.ArtistCount,
                Is.EqualTo(oracle.ReleasesOfGenre("Electronic").SelectMany(r => r.Artists.Select(a => a.Id)).Distinct().Count()));
        });
    }

    [TestCase("The Persuader", "artist")]
    [TestCase("Svek", "label")]
    [TestCase("Electronic", "genre")]
    [TestCase("Deep House", "style")]
    public async Task Trends_count_releases_per_year(string name, string type)
    {
        var releases = type switch
        {
            "artist" => oracle.ReleasesOfArtist(oracle.ArtistId(name)),
            "label" => oracle.ReleasesOfLabel(oracle.LabelId(name)),
            "genre" => oracle.ReleasesOfGenre(name),
            _ => oracle.ReleasesOfStyle(name),
        };

        var trends = await Client.SendAsync(new GetTrends { Name = name, Type = type.ToUpperInvariant() });

        Assert.That((trends.Name, trends.Type), Is.EqualTo((name, type)));
        Assert.That(trends.Data.Select(d => (d.Year, d.Count)), Is.EqualTo(DumpOracle.Trend(releases)));
        Assert.That(trends.Data, Is.Not.Empty);
    }

    /// <summary>Every child, page by page, checking that the pages add up to the total.</summary>
    private async Task<List<(string, string, string, int?, int?)>> ChildrenAsync(string node, string type, string category)
    {
        var children = new List<ExpandChild>();
        ExpandResponse page;
        do
        {
            page = await Client.SendAsync(new Expand { NodeId = node, Type = type, Category = category, Limit = 200,
                Offset = children.Count });
            children.AddRange(page.Children);
        }
        while (page.HasMore);
        Assert.That(children, Has.Count.EqualTo(page.Total));
        return children.Select(c => (c.Id, c.Name, c.Type, c.Year, c.ReleaseCount)).ToList();
    }
}
