using System.Net;
using System.Text.Json.Nodes;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>REFERENCE-API.md §4.7 and §15.10–15.14: every bad parameter gets the reference's 400, 404 or 422.</summary>
public sealed class ExploreParameterTests : ApiTest
{
    private DumpOracle oracle = null!;

    [SetUp]
    public async Task ImportAsync() => oracle = await CatalogueFixture.OracleAsync();

    [TestCase("/api/autocomplete?q=a", "string_too_short", "q")]
    [TestCase("/api/autocomplete?q=radio&limit=0", "greater_than_equal", "limit")]
    [TestCase("/api/autocomplete?q=radio&limit=51", "less_than_equal", "limit")]
    [TestCase("/api/autocomplete", "missing", "q")]
    [TestCase("/api/explore", "missing", "name")]
    [TestCase("/api/expand?type=artist&category=releases", "missing", "node_id")]
    [TestCase("/api/expand?node_id=x&type=artist&category=releases&limit=201", "less_than_equal", "limit")]
    [TestCase("/api/expand?node_id=x&type=artist&category=releases&offset=-1", "greater_than_equal", "offset")]
    [TestCase("/api/expand?node_id=x&type=artist&category=releases&limit=abc", "int_parsing", "limit")]
    [TestCase("/api/trends", "missing", "name")]
    public async Task Invalid_parameters_are_422_with_the_pydantic_error(string url, string type, string field)
    {
        using var response = await Http.GetAsync(url);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.AsArray();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(detail.Select(d => (d!["type"]!.GetValue<string>(), d["loc"]!.ToJsonString())),
            Has.Member((type, $"[\"query\",\"{field}\"]")));
    }

    [TestCase("/api/autocomplete?q=radio&type=invalid", 400,
        """{"error":"Invalid type: invalid. Must be artist, genre, label, or style"}""")]
    [TestCase("/api/explore?name=x&type=Nope", 400, """{"error":"Invalid type: Nope. Must be artist, genre, label, or style"}""")]
    [TestCase("/api/explore?name=Nobody%20At%20All&type=ARTIST", 404, """{"error":"Artist 'Nobody At All' not found"}""")]
    [TestCase("/api/explore?name=Nothing&type=label", 404, """{"error":"Label 'Nothing' not found"}""")]
    [TestCase("/api/explore?name=&type=genre", 404, """{"error":"Genre '' not found"}""")]
    [TestCase("/api/expand?node_id=x&type=invalid&category=releases", 400, """{"error":"Invalid type: invalid"}""")]
    [TestCase("/api/expand?node_id=x&type=artist&category=bogus", 400,
        """{"error":"Invalid category 'bogus' for type 'artist'. Valid: releases, labels, aliases"}""")]
    [TestCase("/api/expand?node_id=x&type=Genre&category=nonexistent", 400,
        """{"error":"Invalid category 'nonexistent' for type 'Genre'. Valid: releases, artists, labels, styles"}""")]
    [TestCase("/api/expand?node_id=x&type=label&category=styles", 400,
        """{"error":"Invalid category 'styles' for type 'label'. Valid: releases, artists, genres"}""")]
    [TestCase("/api/expand?node_id=x&type=style&category=styles", 400,
        """{"error":"Invalid category 'styles' for type 'style'. Valid: releases, artists, labels, genres"}""")]
    [TestCase("/api/expand?node_id=Nobody&type=artist&category=releases", 200,
        """{"children":[],"total":0,"offset":0,"limit":50,"has_more":false}""")]
    [TestCase("/api/node/1?type=invalid", 400, """{"error":"Invalid type: invalid"}""")]
    [TestCase("/api/node/nobody-here", 404, """{"error":"Artist 'nobody-here' not found"}""")]
    [TestCase("/api/node/99999999?type=Release", 404, """{"error":"Release '99999999' not found"}""")]
    [TestCase("/api/trends?name=x&type=invalid", 400, """{"error":"Invalid type: invalid. Must be artist, genre, label, or style"}""")]
    [TestCase("/api/trends?name=Nobody", 200, """{"name":"Nobody","type":"artist","data":[]}""")]
    public async Task Answers_match_the_reference_byte_for_byte(string url, int status, string body)
    {
        using var response = await Http.GetAsync(url);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(body));
    }

    [Test]
    public async Task Category_names_and_types_are_case_insensitive()
    {
        var artist = oracle.ArtistName(oracle.Releases[0].Artists[0].Id);

        using var response = await Http.GetAsync($"/api/expand?node_id={Uri.EscapeDataString(artist)}&type=ARTIST&category=Releases&limit=1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"type\":\"release\",\"year\":"));
    }
}
