using System.Net;
using System.Text.Json.Nodes;
using Discogsography.Host.Pipeline;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.OpenApi;

/// <summary>
/// The OpenAPI document is complete enough to code against: every operation of the API (not the test probes) is
/// summarised and described, every parameter and field is described, enumerations are enums, and every status an
/// operation's policies and declarations can produce is listed with its body. The suite's last step also fails on any
/// status a route answered without listing it (<c>UndocumentedStatusMonitor</c>).
/// </summary>
public sealed class OpenApiCompletenessTests : ApiTest
{
    private JsonNode document = null!;

    private static IEnumerable<Operation> ApiOperations =>
        Host.Services.GetRequiredService<OperationCatalog>().Operations
            .Where(o => o.RequestType.Assembly == typeof(ServiceModel.Login).Assembly);

    [SetUp]
    public async Task LoadDocumentAsync() => document = JsonNode.Parse(await Http.GetStringAsync("/openapi/v1.json"))!;

    [Test]
    public void Every_operation_has_a_summary_and_a_description()
    {
        var undescribed = Operations().Where(o => Text(o.Node["summary"]) is null || Text(o.Node["description"]) is null)
            .Select(o => o.Name);

        Assert.That(undescribed, Is.Empty);
        Assert.That(ApiOperations.Count(), Is.GreaterThan(70));
    }

    [Test]
    public void Every_parameter_is_described()
    {
        var undescribed = Operations()
            .SelectMany(o => (o.Node["parameters"]?.AsArray() ?? []).Where(p => Text(p!["description"]) is null)
                .Select(p => $"{o.Name}.{p!["name"]}"));

        Assert.That(undescribed, Is.Empty);
    }

    [Test]
    public void Every_field_of_every_request_and_response_body_is_described()
    {
        var undescribed = new SortedSet<string>();
        foreach (var name in ReachableSchemas())
        {
            foreach (var (property, schema) in document["components"]!["schemas"]![name]!["properties"]?.AsObject() ?? [])
            {
                if (Text(schema!["description"]) is null && !DescribedReference(schema))
                    undescribed.Add($"{name}.{property}");
            }
        }

        Assert.That(undescribed, Is.Empty);
    }

    [Test]
    public void Every_status_a_route_can_answer_is_listed_with_a_body_and_limits_say_when_to_retry()
    {
        var missing = new List<string>();
        foreach (var operation in ApiOperations)
        {
            foreach (var verb in operation.Verbs)
            {
                var responses = document["paths"]![operation.Route.Template]![verb.ToLowerInvariant()]!["responses"]!.AsObject();
                foreach (var status in OperationStatuses.ErrorsOf(operation).Keys)
                {
                    var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                    if (response?["content"]?["application/json"]?["schema"] is null || Text(response["description"]) is null)
                        missing.Add($"{operation.Name} {status}");
                    else if (status is 429 or 503 && response["headers"]?["Retry-After"] is null)
                        missing.Add($"{operation.Name} {status} Retry-After");
                }
            }
        }

        Assert.That(missing, Is.Empty);
        Assert.That(Responses("/api/auth/login", "post"), Is.SupersetOf(new[] { "200", "401", "422", "429", "503" }));
        Assert.That(Responses("/api/explore", "get"), Is.SupersetOf(new[] { "200", "400", "404", "422", "503" }));
        Assert.That(Responses("/api/admin/users/{id}", "patch"), Is.SupersetOf(new[] { "401", "403", "404", "409", "413" }));
    }

    [TestCase("/api/explore", "type", "artist")]
    [TestCase("/api/expand", "category", "releases")]
    [TestCase("/api/admin/syncs", "status", "running")]
    public void Enumerated_parameters_list_their_values(string path, string parameter, string value)
    {
        var schema = document["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p =>
            p!["name"]!.GetValue<string>() == parameter)!["schema"]!;

        Assert.That(schema["enum"]?.AsArray().Select(v => v!.GetValue<string>()), Does.Contain(value));
    }

    [Test]
    public void Enumerated_fields_list_their_values()
    {
        var status = document["components"]!["schemas"]!["AdminSyncJob"]!["properties"]!["status"]!;

        Assert.That(status["enum"]?.AsArray().Select(v => v!.GetValue<string>()),
            Is.EquivalentTo(new[] { "pending", "running", "completed", "failed", "cancelled" }));
    }

    [Test]
    public async Task The_root_leads_to_the_documentation()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.ApiUrl };

        using var response = await http.GetAsync("/");

        Assert.That((response.StatusCode, response.Headers.Location?.ToString()), Is.EqualTo((HttpStatusCode.Redirect, "/docs")));
    }

    private IEnumerable<(string Name, JsonNode Node)> Operations() =>
        from operation in ApiOperations
        from verb in operation.Verbs
        select (operation.Name, document["paths"]![operation.Route.Template]![verb.ToLowerInvariant()]!);

    private IEnumerable<string> Responses(string path, string verb) =>
        document["paths"]![path]![verb]!["responses"]!.AsObject().Select(r => r.Key);

    /// <summary>The component schemas the API's operations reach, following references.</summary>
    private SortedSet<string> ReachableSchemas()
    {
        var reached = new SortedSet<string>();
        var pending = new Stack<JsonNode>(Operations().Select(o => o.Node));
        while (pending.TryPop(out var node))
        {
            foreach (var reference in References(node))
            {
                if (reached.Add(reference))
                    pending.Push(document["components"]!["schemas"]![reference]!);
            }
        }
        return reached;
    }

    private static IEnumerable<string> References(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref"
            && p.Value is JsonValue v ? [v.GetValue<string>().Split('/')[^1]] : p.Value is null ? [] : References(p.Value)),
        JsonArray a => a.OfType<JsonNode>().SelectMany(References),
        _ => [],
    };

    /// <summary>A field whose type is a described component (OpenAPI puts nothing beside a <c>$ref</c>), or a list of them.</summary>
    private bool DescribedReference(JsonNode schema) =>
        References(schema).ToList() is [var name] && Text(document["components"]!["schemas"]![name]!["description"]) is not null;

    private static string? Text(JsonNode? node) => node?.GetValue<string>() is { Length: > 0 } text ? text : null;
}
