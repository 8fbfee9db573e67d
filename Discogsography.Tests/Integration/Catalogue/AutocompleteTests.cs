using System.Net;
using Discogsography.ServiceInterface.Catalogue;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>
/// Autocomplete: name-prefix matches first, then names where every query word starts a word, then pg_trgm fuzzy matches;
/// the bounded FIFO cache; 30 requests a minute.
/// </summary>
public sealed class AutocompleteTests : ApiTest
{
    private DumpOracle oracle = null!;

    [SetUp]
    public async Task ImportAsync() => oracle = await CatalogueFixture.OracleAsync();

    [TestCase("jo")]
    [TestCase("The P")]
    [TestCase("DJ")]
    [TestCase("persu", Description = "The Persuader: a leading \"The \" is skipped")]
    public async Task Case_insensitive_prefix_matches_come_first_with_the_highest_scores(string query)
    {
        await CatalogueFixture.RealOracleAsync();
        var prefixed = oracle.AllArtistIds().Select(oracle.ArtistName).Where(n => StartsWith(n, query)).ToList();

        var results = (await Client.SendAsync(new Autocomplete { Q = query, Limit = 50 })).Results;

        var prefixResults = results.TakeWhile(r => StartsWith(r.Name, query)).ToList();
        Assert.That(prefixResults, Is.Not.Empty);
        Assert.That(results.Skip(prefixResults.Count).Where(r => StartsWith(r.Name, query)), Is.Empty,
            "no prefix match after a word or fuzzy one");
        Assert.That(prefixResults.Select(r => r.Score), Is.All.GreaterThan(2.0));
        Assert.That(results.Select(r => r.Score), Is.Ordered.Descending);
        Assert.That(prefixResults, Has.Count.EqualTo(Math.Min(50, prefixed.Count)), "every prefix match, up to the limit");
    }

    [TestCase("artist", "sombet")]
    [TestCase("artist", "SOMBET adr")]
    [TestCase("artist", "fischer-chor der")]
    [TestCase("label", "rec")]
    public async Task Names_where_every_query_word_starts_a_word_come_next(string type, string query)
    {
        await CatalogueFixture.RealOracleAsync();
        var names = type == "artist" ? oracle.AllArtistIds().Select(oracle.ArtistName) : oracle.AllLabelIds().Select(oracle.LabelName);
        var expected = names.Where(n => !StartsWith(n, query)
            && Words(query).All(term => Words(n).Any(word => word.StartsWith(term, StringComparison.Ordinal)))).ToList();

        var results = (await Client.SendAsync(new Autocomplete { Q = query, Type = type, Limit = 50 })).Results;

        var wordMatches = results.SkipWhile(r => r.Score > 2.0).TakeWhile(r => r.Score > 1.0).Select(r => r.Name).ToList();
        var room = 50 - results.Count(r => r.Score > 2.0);
        Assert.That(expected, Is.Not.Empty, "the sample has such names");
        if (expected.Count <= room)
            Assert.That(wordMatches, Is.EquivalentTo(expected), "every word match");
        else
            Assert.That(wordMatches, Is.SubsetOf(expected).And.Count.EqualTo(room), "word matches up to the limit");
        Assert.That(results.Select(r => r.Score), Is.Ordered.Descending);
    }

    /// <summary>The prefix rule: the name starts with the query, or with "The " and the query (case-insensitive).</summary>
    private static bool StartsWith(string name, string query) =>
        name.StartsWith(query, StringComparison.OrdinalIgnoreCase) || name.StartsWith("The " + query, StringComparison.OrdinalIgnoreCase);

    /// <summary>The test's own word rule: runs of letters and digits, lowercased.</summary>
    private static string[] Words(string text) =>
        System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), @"[^\p{L}\p{N}]+").Where(w => w.Length > 0).ToArray();

    [Test]
    public async Task A_misspelt_name_is_found_by_similarity_below_the_prefix_scores()
    {
        await CatalogueFixture.RealOracleAsync();
        var results = (await Client.SendAsync(new Autocomplete { Q = "persuadr" })).Results;

        Assert.That(results.First().Name, Is.EqualTo("The Persuader"));
        Assert.That(results.Select(r => r.Score), Is.All.LessThan(1.0).And.All.GreaterThan(0.0));
    }

    [Test]
    public async Task Genres_and_styles_match_by_prefix_with_score_one_in_name_order()
    {
        var styles = (await Client.SendAsync(new Autocomplete { Q = "tech", Type = "Style" })).Results;
        var expected = oracle.Releases.SelectMany(r => r.Styles).Distinct()
            .Where(s => s.StartsWith("tech", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).Take(10);

        Assert.That(styles.Select(s => (s.Id, s.Name, s.Score)), Is.EqualTo(expected.Select(s => (s, s, 1.0))));
        using var raw = await Http.GetAsync("/api/autocomplete?q=elec&type=genre");
        Assert.That(await raw.Content.ReadAsStringAsync(),
            Is.EqualTo("""{"results":[{"id":"Electronic","name":"Electronic","score":1.0}]}"""));
    }

    [Test]
    public async Task A_cached_entry_answers_whatever_the_case_and_spacing_of_the_query()
    {
        var cache = Host.Services.GetRequiredService<AutocompleteCache>();
        var version = await Host.Services.GetRequiredService<CatalogueVersion>().CurrentAsync(CancellationToken.None);
        cache.Add(AutocompleteCache.KeyOf("cached", "artist", 10), version,
            [new AutocompleteResult { Id = "7", Name = "From the cache", Score = 9.0 }]);

        var results = (await Client.SendAsync(new Autocomplete { Q = "  CACHED " })).Results;

        Assert.That(results.Select(r => r.Name), Is.EqualTo(new[] { "From the cache" }));
    }

    [Test]
    public void The_cache_evicts_its_oldest_quarter_when_full()
    {
        var cache = new AutocompleteCache(capacity: 4);
        for (var i = 0; i < 4; i++)
            cache.Add(("q" + i, "artist", 10), null, []);

        cache.Add(("new", "artist", 10), null, []);

        Assert.That(cache.Count, Is.EqualTo(4));
        Assert.That(cache.TryGet(("q0", "artist", 10), null, out _), Is.False, "FIFO: the first inserted went");
        Assert.That(cache.TryGet(("new", "artist", 10), null, out _), Is.True);
        Assert.That(AutocompleteCache.KeyOf("  Radio  ", "ARTIST", 10), Is.EqualTo(("radio", "artist", 10)));
    }

    [Test]
    public void The_31st_request_in_a_minute_is_429()
    {
        for (var i = 0; i < 30; i++)
            Assert.DoesNotThrowAsync(() => Client.SendAsync(new Autocomplete { Q = "jo" + i }));

        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new Autocomplete { Q = "jo" }))!;

        Assert.That((error.StatusCode, error.ResponseBody),
            Is.EqualTo((HttpStatusCode.TooManyRequests, """{"error":"Rate limit exceeded: 30 per 1 minute"}""")));
    }
}
