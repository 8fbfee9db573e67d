using System.Net;
using System.Text.Json.Nodes;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.OpenApi;

/// <summary>The OpenAPI document is built from the same DTO metadata the Host routes with.</summary>
public sealed class OpenApiDocumentTests : ApiTest
{
    private JsonNode document = null!;

    [SetUp]
    public async Task LoadDocumentAsync() => document = JsonNode.Parse(await Http.GetStringAsync("/openapi/v1.json"))!;

    [Test]
    public void Every_operation_the_host_routes_is_documented_under_its_verb()
    {
        var operationCatalog = Host.Services.GetRequiredService<Discogsography.Host.Pipeline.OperationCatalog>();

        foreach (var operation in operationCatalog.Operations)
        {
            foreach (var verb in operation.Verbs)
                Assert.That(document["paths"]?[operation.Route.Template]?[verb.ToLowerInvariant()], Is.Not.Null,
                    $"{verb} {operation.Route.Template}");
        }
        Assert.That(document["info"]!["title"]!.GetValue<string>(), Is.EqualTo("Discogsography API"));
    }

    [Test]
    public void Query_parameters_carry_their_bounds_defaults_and_requiredness_with_strict_number_types()
    {
        var parameters = document["paths"]!["/test/probe/{item_id}"]!["get"]!["parameters"]!.AsArray();
        JsonNode Parameter(string name) => parameters.Single(p => p!["name"]!.GetValue<string>() == name)!;

        Assert.Multiple(() =>
        {
            Assert.That(Parameter("item_id")["in"]!.GetValue<string>(), Is.EqualTo("path"));
            Assert.That(Parameter("q")["required"]!.GetValue<bool>(), Is.True);
            Assert.That(Parameter("q")["schema"]!["minLength"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(Parameter("limit")["schema"]!["type"]!.ToJsonString(), Is.EqualTo("\"integer\""));
            Assert.That(Parameter("limit")["schema"]!["minimum"]!.ToJsonString(), Is.EqualTo("1"));
            Assert.That(Parameter("limit")["schema"]!["maximum"]!.ToJsonString(), Is.EqualTo("50"));
            Assert.That(Parameter("limit")["schema"]!["default"]!.ToJsonString(), Is.EqualTo("10"));
            Assert.That(Parameter("color")["schema"]!.ToJsonString(), Does.Contain("deep_red"));
        });
    }

    [TestCase("/api/search", "q", "\"miles davis\"")]
    [TestCase("/api/search", "year_min", "1950")]
    [TestCase("/api/path", "from_name", "\"Miles Davis\"")]
    [TestCase("/api/explore/genre-emergence", "before_year", "1960")]
    [TestCase("/api/collaborators/{artist_id}", "artist_id", "\"23755\"")]
    [TestCase("/api/expand", "before_year", "1970")]
    public void Discovery_parameters_show_examples(string path, string parameter, string example)
    {
        var parameters = document["paths"]![path]!["get"]!["parameters"]!.AsArray();

        Assert.That(parameters.Single(p => p!["name"]!.GetValue<string>() == parameter)!["example"]!.ToJsonString(), Is.EqualTo(example));
    }

    [Test]
    public void Schemas_use_wire_names_and_wire_types()
    {
        var probe = document["components"]!["schemas"]!["ProbeResponse"]!["properties"]!;

        Assert.That(probe["score"]!["type"]!.ToJsonString(), Is.EqualTo("\"number\""));
        Assert.That(probe["at"]!["type"]!.ToJsonString(), Is.EqualTo("\"string\""));
        Assert.That(probe["at"]!["format"]!.GetValue<string>(), Is.EqualTo("date-time"));
        Assert.That(document.ToJsonString(), Does.Not.Contain("\"integer|string\"").And.Not.Contain("[\"integer\",\"string\"]"));
    }

    [Test]
    public void Authenticated_operations_declare_bearer_security_and_their_401()
    {
        var secure = document["paths"]!["/test/secure"]!["get"]!;

        Assert.That(secure["security"]!.ToJsonString(), Does.Contain("bearer"));
        Assert.That(secure["responses"]!["401"], Is.Not.Null);
        Assert.That(document["paths"]!["/health"]!["get"]!["security"], Is.Null);
    }

    [Test]
    public async Task Swagger_UI_is_served_at_docs_and_points_at_the_document()
    {
        using var page = await Http.GetAsync("/docs/index.html");
        var config = await Http.GetStringAsync("/docs/index.js");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
        Assert.That(config, Does.Contain("/openapi/v1.json"));
    }
}
