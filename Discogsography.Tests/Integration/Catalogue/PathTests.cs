using System.Globalization;
using System.Net;
using Discogsography.ServiceInterface.Catalogue.Discovery;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>
/// <c>GET /api/path</c> against the imported catalogue: every answer is checked against a plain breadth-first search
/// of the oracle's whole graph (every edge, no hubs): the same length, and a path whose every step is a real edge
/// with the right relationship, names, ids and types.
/// </summary>
public sealed class PathTests : ApiTest
{
    [Test]
    public async Task Paths_between_artists_are_shortest_and_real()
    {
        var oracle = await CatalogueFixture.DiscoveryAsync();
        var dump = await CatalogueFixture.OracleAsync();
        var artists = PathChecks.Findable(dump.Releases.SelectMany(r => r.Artists.Select(a => a.Id)), dump.AllArtistIds(), dump.ArtistName);
        var random = new Random(17);
        var lengths = new List<int?>();

        for (var i = 0; i < 40; i++)
        {
            var (from, to) = (artists[random.Next(artists.Count)], artists[random.Next(artists.Count)]);
            lengths.Add(await PathChecks.AssertShortestAsync(Client, oracle, DiscoveryOracle.Artist(from), "artist", dump.ArtistName(from),
                DiscoveryOracle.Artist(to), "artist",
                dump.ArtistName(to), maxDepth: 10));
        }

        Assert.That(lengths.Distinct().Count(), Is.GreaterThan(1), "pairs at several distances: " + string.Join(", ", lengths));
    }

    [Test]
    public async Task Paths_from_and_to_genres_styles_and_labels_are_shortest_and_real()
    {
        var oracle = await CatalogueFixture.DiscoveryAsync();
        var dump = await CatalogueFixture.OracleAsync();
        var genres = dump.Releases.SelectMany(r => r.Genres).Distinct().Order(StringComparer.Ordinal).ToList();
        var styles = dump.Releases.SelectMany(r => r.Styles).Distinct().Order(StringComparer.Ordinal).ToList();
        var labels = PathChecks.Findable(dump.Releases.SelectMany(r => r.Labels.Select(l => l.Id)), dump.AllLabelIds(), dump.LabelName);
        var random = new Random(29);

        for (var i = 0; i < 10; i++)
        {
            var (genre, style, label) = (genres[random.Next(genres.Count)], styles[random.Next(styles.Count)],
                labels[random.Next(labels.Count)]);
            var labelNode = new OracleNode('l', label.ToString(CultureInfo.InvariantCulture));
            await PathChecks.AssertShortestAsync(Client, oracle, new OracleNode('g', genre), "genre", genre, new OracleNode('s', style),
                "style", style, maxDepth: 6);
            await PathChecks.AssertShortestAsync(Client, oracle, labelNode, "label", dump.LabelName(label), new OracleNode('g', genre),
                "genre", genre, maxDepth: 6);
            await PathChecks.AssertShortestAsync(Client, oracle, new OracleNode('s', style), "style", style, labelNode, "label",
                dump.LabelName(label), maxDepth: 6);
        }
    }

    [Test]
    public async Task The_same_request_gets_the_same_path_and_one_entity_to_itself_is_length_zero()
    {
        var dump = await CatalogueFixture.OracleAsync();
        var (first, second) = (dump.Releases[0].Artists[0], dump.Releases[^1].Artists[0]);
        var request = new FindPath { FromName = dump.ArtistName(first.Id), ToName = dump.ArtistName(second.Id), MaxDepth = 10 };

        var once = await Client.SendAsync(request);
        var again = await Client.SendAsync(request);
        var itself = await Client.SendAsync(new FindPath { FromName = "Rock", FromType = "Genre", ToName = "Rock", ToType = "GENRE" });

        Assert.That(again.Path.Select(n => (n.Id, n.Rel)), Is.EqualTo(once.Path.Select(n => (n.Id, n.Rel))));
        Assert.That((itself.Found, itself.Length), Is.EqualTo((true, (int?)0)));
        Assert.That(itself.Path.Select(n => (n.Id, n.Name, n.Type, n.Rel)), Is.EqualTo(new[] { ("Rock", "Rock", "genre", (string?)null) }));
    }

    [Test]
    public async Task A_path_longer_than_max_depth_is_not_found()
    {
        var oracle = await CatalogueFixture.DiscoveryAsync();
        var dump = await CatalogueFixture.OracleAsync();
        var (from, to, distance) = dump.Releases.SelectMany(r => r.Artists).Select(a => a.Id).Distinct().Order().Take(30)
            .SelectMany(a => dump.Releases.SelectMany(r => r.Artists).Select(b => b.Id).Distinct().Order().Take(30).Select(b => (a, b)))
            .Select(p => (p.a, p.b, Distance: oracle.Distance(DiscoveryOracle.Artist(p.a), DiscoveryOracle.Artist(p.b), 10)))
            .First(p => p.Distance >= 3);

        var answer = await Client.SendAsync(new FindPath { FromName = dump.ArtistName(from), ToName = dump.ArtistName(to),
            MaxDepth = distance!.Value - 1 });
        using var raw = await Http.GetAsync($"/api/path?from_name={Uri.EscapeDataString(dump.ArtistName(from))}&to_name={Uri.EscapeDataString(dump.ArtistName(to))}&max_depth={distance - 1}");

        Assert.That((answer.Found, answer.Length, answer.Path.Count), Is.EqualTo((false, (int?)null, 0)));
        Assert.That(await raw.Content.ReadAsStringAsync(), Is.EqualTo("""{"found":false,"length":null,"path":[]}"""));
    }

    [TestCase("from_name=A&to_name=B&from_type=song", 400,
        """{"error":"Invalid from_type: song. Must be one of: artist, genre, label, style"}""")]
    [TestCase("from_name=A&to_name=B&to_type=Release", 400,
        """{"error":"Invalid to_type: Release. Must be one of: artist, genre, label, style"}""")]
    [TestCase("from_name=Nobody+At+All&to_name=Nobody+Either&from_type=ARTIST", 404, """{"error":"Artist 'Nobody At All' not found"}""")]
    [TestCase("from_name=Rock&from_type=genre&to_name=No+Such+Label&to_type=label", 404, """{"error":"Label 'No Such Label' not found"}""")]
    [TestCase("from_name=A&to_name=B&max_depth=0", 422, "greater_than_equal")]
    [TestCase("from_name=A&to_name=B&max_depth=11", 422, "less_than_equal")]
    [TestCase("from_name=A", 422, "missing")]
    public async Task Bad_requests_get_the_reference_answers_in_order(string query, int status, string body)
    {
        await CatalogueFixture.OracleAsync();

        using var response = await Http.GetAsync("/api/path?" + query);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(body));
    }

    [Test]
    public async Task A_search_that_runs_out_of_time_is_504_with_the_reference_message()
    {
        var dump = await CatalogueFixture.OracleAsync();
        await using var host = await TestHost.StartAsync(SettingsOnFreshPorts(),
            services => services.AddSingleton(new PathOptions { Budget = TimeSpan.FromTicks(1) }));
        using var http = new HttpClient { BaseAddress = host.ApiUrl };
        var (from, to) = (dump.Releases[0].Artists[0].Name, dump.Releases[^1].Artists[0].Name);

        using var response = await http.GetAsync($"/api/path?from_name={Uri.EscapeDataString(from)}&to_name={Uri.EscapeDataString(to)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"error":"Path query timed out — try reducing max_depth or searching closer nodes"}"""));
    }
}
