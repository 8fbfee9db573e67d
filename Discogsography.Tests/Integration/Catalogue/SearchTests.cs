using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using Discogsography.ServiceInterface.Catalogue.Discovery;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Serialization;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>
/// <c>GET /api/search</c> against the imported catalogue: every answer compared with one the test computes from the
/// dump's records (PostgreSQL's <c>english</c> configuration decides what matches and how it ranks, applied to the
/// records' own names, never to the importer's tables), then filters, order, paging and facets in LINQ.
/// </summary>
public sealed class SearchTests : ApiTest
{
    [Test]
    public async Task Every_page_of_a_common_word_is_the_oracles_ranking_with_exact_totals()
    {
        var entries = (await CatalogueFixture.DiscoveryAsync()).SearchEntries().ToList();
        var word = SearchChecks.CommonWord(entries);
        var expected = await SearchChecks.ExpectedAsync(entries, word, SearchChecks.TypeOrder, [], null, null);

        var pages = await AllPagesAsync(new Search { Q = word, Limit = 7 });

        Assert.That(expected, Has.Count.GreaterThan(14), $"'{word}' matches enough to page through");
        Assert.That(pages.SelectMany(p => p.Results).Select(Describe), Is.EqualTo(expected.Select(Describe)));
        Assert.That(pages.Select(p => p.Total).Distinct(), Is.EqualTo(new[] { expected.Count }));
        Assert.That(pages.SkipLast(1).Select(p => p.Results.Count), Is.All.EqualTo(7), "no page is short while more exist");
        Assert.That(pages.Select(p => p.Pagination.HasMore), Is.EqualTo(pages.Select((_, i) => i < pages.Count - 1)));
    }

    [Test]
    public async Task A_query_of_several_words_finds_the_names_holding_all_of_them_ranked_like_the_oracle()
    {
        var entries = (await CatalogueFixture.DiscoveryAsync()).SearchEntries().ToList();
        var word = SearchChecks.CommonWord(entries);
        var query = entries.Where(e => e.Type == "release" && SearchChecks.Words(e.Name).Contains(word))
            .Select(e => SearchChecks.Words(e.Name).Where(w => w.Length >= 4).Distinct().ToList())
            .First(w => w.Count >= 2).Take(2);
        var q = string.Join(' ', query);
        var expected = await SearchChecks.ExpectedAsync(entries, q, SearchChecks.TypeOrder, [], null, null);

        var pages = await AllPagesAsync(new Search { Q = q, Limit = 5 });

        Assert.That(expected, Is.Not.Empty, q);
        Assert.That(pages.SelectMany(p => p.Results).Select(Describe), Is.EqualTo(expected.Select(Describe)), q);
    }

    [Test]
    public async Task Filters_apply_before_the_page_so_totals_and_has_more_never_lie()
    {
        var entries = (await CatalogueFixture.DiscoveryAsync()).SearchEntries().ToList();
        var word = SearchChecks.CommonWord(entries);
        var genre = entries.Where(e => e.Genres is not null).SelectMany(e => e.Genres!).GroupBy(g => g).MaxBy(g => g.Count())!.Key;
        var expected = await SearchChecks.ExpectedAsync(entries, word, ["release", "master"], [genre], 1970, 1999);

        var pages = await AllPagesAsync(new Search { Q = word, Types = " Release,MASTER,,release ", Genres = genre, YearMin = 1970,
            YearMax = 1999, Limit = 3 });

        Assert.That(pages.SelectMany(p => p.Results).Select(Describe), Is.EqualTo(expected.Select(Describe)));
        Assert.That(pages.Select(p => p.Total).Distinct(), Is.EqualTo(new[] { expected.Count }));
        Assert.That(pages.SkipLast(1).Select(p => p.Results.Count), Is.All.EqualTo(3));
        Assert.That(pages[0].Facets.Type.Keys, Is.EqualTo(new[] { "release", "master" }), "requested order, repeats collapsed");
    }

    [Test]
    public async Task Facets_count_every_match_type_genre_and_decade_exactly()
    {
        var entries = (await CatalogueFixture.DiscoveryAsync()).SearchEntries().ToList();
        var word = SearchChecks.CommonWord(entries);
        var all = await SearchChecks.ExpectedAsync(entries, word, SearchChecks.TypeOrder, [], null, null);

        var answer = await Client.SendAsync(new Search { Q = word, Types = "label,release,artist", YearMin = 2000 });

        Assert.That(answer.Facets.Type, Is.EqualTo(new Dictionary<string, int>
        {
            ["label"] = all.Count(e => e.Type == "label"), ["release"] = all.Count(e => e.Type == "release"),
                ["artist"] = all.Count(e => e.Type == "artist"),
        }), "per requested type, before the filters");
        var genres = all.Where(e => e.Type == "release").SelectMany(e => e.Genres ?? []).GroupBy(g => g)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(20)
                .Select(g => KeyValuePair.Create(g.Key, g.Count()));
        Assert.That(answer.Facets.Genre, Is.EqualTo(genres));
        var decades = all.Where(e => e.Type is "master" or "release"
            && e.Year is >= 1000 and <= 9999).GroupBy(e => e.Year!.Value / 10 * 10).OrderBy(g => g.Key)
            .Select(g => KeyValuePair.Create($"{g.Key}s", g.Count()));
        Assert.That(answer.Facets.Decade, Is.EqualTo(decades));
    }

    [Test]
    public async Task Relevance_is_the_rank_rounded_to_four_places_and_metadata_has_only_what_is_known()
    {
        var entries = (await CatalogueFixture.DiscoveryAsync()).SearchEntries().ToList();
        var word = SearchChecks.CommonWord(entries);
        var expected = await SearchChecks.ExpectedAsync(entries, word, SearchChecks.TypeOrder, [], null, null);

        using var response = await Http.GetAsync($"/api/search?q={word}&limit=100");
        var body = await response.Content.ReadAsStringAsync();
        var answer = JsonSerializer.Deserialize<SearchResponse>(body, WireJson.Options)!;

        Assert.That(answer.Results.Select(r => r.Relevance),
            Is.EqualTo(expected.Take(100).Select(e => Math.Round(e.Rank, 4, MidpointRounding.ToEven))));
        Assert.That(body, Does.Match("\"relevance\":0\\.[0-9]+"), "a Python float");
        foreach (var (result, entry) in answer.Results.Zip(expected))
        {
            Assert.That(result.Metadata.Year, Is.EqualTo(entry.Year));
            Assert.That(result.Metadata.Genres, Is.EqualTo(entry.Genres));
            Assert.That(result.Highlight, Does.Contain("<b>"), $"{result.Name} shows what matched");
        }
        Assert.That(body, Does.Contain("\"metadata\":{}"), "artists and labels have none");
    }

    [Test]
    public async Task Highlights_escape_the_name_and_keep_only_their_own_bold_marks()
    {
        var entries = (await CatalogueFixture.DiscoveryAsync()).SearchEntries().ToList();
        var (entry, word) = entries.Where(e => e.Name.Contains('&')).Select(e => (e, SearchChecks.Words(e.Name).MaxBy(w => w.Length)))
            .First(x => x.Item2 is { Length: >= 5 });

        var answer = await Client.SendAsync(new Search { Q = word!, Types = entry.Type, Limit = 100 });

        var result = answer.Results.Single(r => r.Id == entry.Id.ToString(CultureInfo.InvariantCulture));
        Assert.That(result.Highlight.Replace("<b>", "", StringComparison.Ordinal).Replace("</b>", "", StringComparison.Ordinal),
            Is.EqualTo(entry.Name.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#x27;",
                    StringComparison.Ordinal)));
        Assert.That(CatalogueSearch.HighlightHtml("<script>&\uE000x\uE001"), Is.EqualTo("&lt;script&gt;&amp;<b>x</b>"));
    }

    [Test]
    public async Task A_query_of_stop_words_matches_nothing()
    {
        var answer = await Client.SendAsync(new Search { Q = "the and of" });

        Assert.That((answer.Total, answer.Results.Count, answer.Pagination.HasMore), Is.EqualTo((0, 0, false)));
        Assert.That(answer.Facets.Type, Is.EqualTo(SearchChecks.TypeOrder.ToDictionary(t => t, _ => 0)));
    }

    [Test]
    public async Task Answers_are_cached_an_hour_under_the_reference_key_and_cleared_when_a_new_catalogue_goes_live()
    {
        await CatalogueFixture.OracleAsync();
        var request = new Search { Q = "Love", Limit = 5 };
        var key = SearchServices.ShapeOf(request).CacheKey;
        await Client.SendAsync(request);
        var cached = await TestServers.Redis.GetAsync(key);
        Assert.That(await TestServers.Redis.TimeToLiveAsync(key), Is.InRange(TimeSpan.FromMinutes(59), TimeSpan.FromHours(1)));
        await TestServers.Redis.SetAsync(key, cached!.Replace("\"total\":", "\"total\":4242", StringComparison.Ordinal),
            TimeSpan.FromHours(1));

        var fromCache = await Client.SendAsync(request);
        await ChangeLiveCatalogueIdAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(3));
        await Client.SendAsync(new Search { Q = "another query" });

        Assert.That(fromCache.Total.ToString(CultureInfo.InvariantCulture), Does.StartWith("4242"),
            "the second answer came from the cache");
        Assert.That(await TestServers.Redis.GetAsync(key), Is.Null, "the new catalogue cleared the old answers");
        Assert.That((await Client.SendAsync(request)).Total.ToString(CultureInfo.InvariantCulture), Does.Not.StartWith("4242"));
    }

    [Test]
    public async Task A_starting_host_warms_the_cache_with_the_references_ten_words()
    {
        await CatalogueFixture.OracleAsync();
        var keys = ServiceInterface.Catalogue.Discovery.SearchCacheWarmer.Words
            .Select(w => SearchServices.ShapeOf(new Search { Q = w }).CacheKey).ToList();

        await using var second = await TestHost.StartAsync(SettingsOnFreshPorts());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await MissingAsync(keys) > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.That(await MissingAsync(keys), Is.Zero);
    }

    private static async Task<int> MissingAsync(IEnumerable<string> keys)
    {
        var missing = 0;
        foreach (var key in keys)
            missing += await TestServers.Redis.GetAsync(key) is null ? 1 : 0;
        return missing;
    }

    [Test]
    public void The_cache_key_is_the_md5_of_pythons_sorted_json_of_the_normalised_parameters()
    {
        var shape = SearchServices.ShapeOf(new Search { Q = "Rock" });
        var unicode = SearchServices.ShapeOf(new Search { Q = " Björk\t", Types = "release,ARTIST", Genres = "Pop, Electronic",
            YearMin = 1990 });

        Assert.That(shape.CacheKeyText(), Is.EqualTo(
            """{"genres": [], "limit": 20, "offset": 0, "q": "rock", "types": ["artist", "label", "master", "release"], "year_max": null, "year_min": null}"""));
        Assert.That(shape.CacheKey, Is.EqualTo("search:5043fe08c24e61a45ae078e89f2edb98"));
        Assert.That(unicode.CacheKeyText(), Is.EqualTo(
            """{"genres": ["Electronic", "Pop"], "limit": 20, "offset": 0, "q": "bj\u00f6rk", "types": ["artist", "release"], "year_max": null, "year_min": 1990}"""));
    }

    [TestCase("q=ab", 422, "string_too_short")]
    [TestCase("q=love&types=artist,Song,label,SONG", 400,
        """{"error":"Invalid type(s): song, song. Valid: artist, label, master, release"}""")]
    [TestCase("q=love&year_min=999", 422, "greater_than_equal")]
    [TestCase("q=love&year_max=10000", 422, "less_than_equal")]
    [TestCase("q=love&limit=101", 422, "less_than_equal")]
    [TestCase("q=love&offset=-1", 422, "greater_than_equal")]
    public async Task Bad_parameters_are_refused_with_the_reference_answers(string query, int status, string body)
    {
        using var response = await Http.GetAsync("/api/search?" + query);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(body));
    }

    [Test]
    public async Task The_thirty_first_search_in_a_minute_is_429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
            statuses.Add((await Http.GetAsync($"/api/search?q=word{i}")).StatusCode);

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
        using var refused = await Http.GetAsync("/api/search?q=word30");
        Assert.That(await refused.Content.ReadAsStringAsync(), Is.EqualTo("""{"error":"Rate limit exceeded: 30 per 1 minute"}"""));
    }

    private async Task<List<SearchResponse>> AllPagesAsync(Search request)
    {
        var pages = new List<SearchResponse>();
        do
        {
            request.Offset = pages.Sum(p => p.Results.Count);
            pages.Add(await Client.SendAsync(request));
        }
        while (pages[^1].Pagination.HasMore && pages.Count < 200);
        return pages;
    }

    private static string Describe(SearchResult r) => $"{r.Type}:{r.Id}:{r.Name}";

    private static string Describe(SearchChecks.RankedEntry e) => $"{e.Type}:{e.Id.ToString(CultureInfo.InvariantCulture)}:{e.Name}";

    private static async Task ChangeLiveCatalogueIdAsync()
    {
        await using var connection = await TestServers.Database.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE graph.catalog_info SET import_id = gen_random_uuid()");
    }
}
