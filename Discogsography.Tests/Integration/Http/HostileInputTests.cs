using System.Text;
using System.Text.Json.Nodes;
using Discogsography.ServiceInterface.Auth;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Http;

/// <summary>
/// Every route of the OpenAPI document, fed what an attacker would send — a NUL in each string parameter and body
/// field, a lone surrogate escape, bytes that are not UTF-8 — answers with a 4xx, never a 5xx; and every
/// authenticated route refuses a correctly signed token whose subject is not a user id. The routes come from the
/// document, so a new route is covered without touching this test.
/// </summary>
public sealed class HostileInputTests : ApiTest
{
    private JsonNode document = null!;
    private Guid adminId;

    [SetUp]
    public async Task LoadDocumentAsync()
    {
        document = JsonNode.Parse(await Http.GetStringAsync("/openapi/v1.json"))!;
        adminId = (await Accounts.CreateDirectlyAsync("admin@example.com", isAdmin: true))!.Value;
    }

    [Test]
    public async Task A_NUL_in_any_path_or_query_parameter_is_a_4xx()
    {
        var answers = new List<string>();
        foreach (var route in Routes())
        {
            foreach (var parameter in route.Parameters.Where(p => p.IsText))
                answers.Add(await SendAsync(route, route.Url(parameter.Name, "a%00b"), body: null));
        }
        Assert.That(answers, Has.Count.GreaterThan(20), "the document has string parameters");
        Assert.That(answers, Has.None.StartsWith("5"));
    }

    [Test]
    public async Task A_NUL_or_a_lone_surrogate_in_any_body_field_is_a_4xx()
    {
        var answers = new List<string>();
        foreach (var route in Routes().Where(r => r.BodyFields.Count > 0))
        {
            foreach (var field in route.BodyFields.Where(f => f.IsText))
            {
                answers.Add(await SendAsync(route, route.Url(), route.Body(field.Name, "\"a\\u0000b\"")));
                answers.Add(await SendAsync(route, route.Url(), route.Body(field.Name, "\"a\\ud800b\"")));
            }
        }
        Assert.That(answers, Has.Count.GreaterThan(20), "the document has string body fields");
        Assert.That(answers, Has.None.StartsWith("5"));
        Assert.That(answers, Has.Some.Contains("string_unicode").And.Some.Contains("NUL characters"));
    }

    [Test]
    public async Task A_body_that_is_not_UTF8_is_400_There_was_an_error_parsing_the_body_on_every_route_that_reads_one()
    {
        foreach (var route in Routes().Where(r => r.BodyFields.Count > 0))
        {
            var invalid = Encoding.UTF8.GetBytes(route.Body(route.BodyFields[0].Name, "\"a??b\"")).ToArray();
            var at = Array.IndexOf(invalid, (byte)'?');
            (invalid[at], invalid[at + 1]) = (0xFF, 0xFE);

            var answer = await SendAsync(route, route.Url(), invalid);

            Assert.That(answer, Is.EqualTo("""400 {"detail":"There was an error parsing the body"}"""), $"{route.Method} {route.Template}");
        }
    }

    [Test]
    public async Task A_signed_token_whose_subject_is_not_a_user_id_is_401_Invalid_token_on_every_authenticated_route()
    {
        var token = TestTokens.Create("not-a-uuid", role: ServiceModel.Roles.Admin);
        var routes = Routes().Where(r => r.Authenticated).ToList();

        foreach (var route in routes)
        {
            var answer = await SendAsync(route, route.Url(), route.BodyFields.Count > 0 ? route.Body() : null, token);
            Assert.That(answer, Is.EqualTo("""401 {"detail":"Invalid token"}"""), $"{route.Method} {route.Template}");
        }
        Assert.That(routes.Select(r => r.Template), Does.Contain("/api/user/collection").And.Contain("/api/snapshot"));
    }

    private IEnumerable<RouteUnderTest> Routes() =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select RouteUnderTest.From(path.Key, operation.Key.ToUpperInvariant(), operation.Value!, document["components"]!["schemas"]!);

    /// <summary>Sends one request (as a fresh admin token, or <paramref name="token"/>) and returns "status body".</summary>
    private async Task<string> SendAsync(RouteUnderTest route, string url, object? body, string? token = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
        if (body is not null)
            request.Content = new ByteArrayContent(body as byte[]
                ?? Encoding.UTF8.GetBytes((string)body)) { Headers = { { "Content-Type", "application/json" } } };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (token ?? AdminToken()));
        using var response = await Http.SendAsync(request);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>A token per request: a route such as logout revokes the one it was sent with.</summary>
    private string AdminToken() =>
        Host.Services.GetRequiredService<AccessTokenIssuer>().Issue(adminId, "admin@example.com", isAdmin: true, null).Token;

    private sealed record Field(string Name, string Type)
    {
        public bool IsText => Type == "string";
    }

    /// <summary>One operation of the document, with values that bind for every parameter and required body field.</summary>
    private sealed record RouteUnderTest(string Template, string Method, bool Authenticated, IReadOnlyList<Field> Parameters,
        IReadOnlyList<Field> BodyFields)
    {
        public static RouteUnderTest From(string template, string method, JsonNode operation, JsonNode schemas)
        {
            var parameters = (operation["parameters"]?.AsArray() ?? [])
                .Select(p => new Field(p!["name"]!.GetValue<string>(), TypeOf(p["schema"]))).ToList();
            var reference = operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
            var properties = reference is null ? null : schemas[reference.Split('/')[^1]]?["properties"]?.AsObject();
            var body = properties?.Select(p => new Field(p.Key, TypeOf(p.Value))).ToList() ?? [];
            var security = operation["security"]?.AsArray();
            var tokenRequired = security is not null && security.All(requirement => requirement!.AsObject().Count > 0);
            return new RouteUnderTest(template, method, tokenRequired, parameters, body);
        }

        /// <summary>The route with every parameter filled, <paramref name="name"/> with the raw (already encoded)
        /// <paramref name="raw"/>.</summary>
        public string Url(string? name = null, string? raw = null)
        {
            var path = Template;
            var query = new List<string>();
            foreach (var parameter in Parameters)
            {
                var value = parameter.Name == name ? raw! : Uri.EscapeDataString(SampleText(parameter));
                if (path.Contains('{' + parameter.Name + '}'))
                    path = path.Replace('{' + parameter.Name + '}', value);
                else
                    query.Add($"{parameter.Name}={value}");
            }
            return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
        }

        /// <summary>A JSON body with every field filled, <paramref name="name"/> as the raw JSON <paramref name="json"/>.</summary>
        public string Body(string? name = null, string? json = null) =>
            "{" + string.Join(",", BodyFields.Select(f => $"\"{f.Name}\":{(f.Name == name ? json : SampleJson(f))}")) + "}";

        private static string SampleText(Field field) => field.Type switch
        {
            "integer" or "number" => "1",
            "boolean" => "true",
            _ => field.Name.EndsWith("id", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "sample",
        };

        private static string SampleJson(Field field) => field.Type switch
        {
            "string" => $"\"{SampleText(field)}\"",
            "array" => "[]",
            "object" or "ref" => "{}",
            _ => SampleText(field),
        };

        private static string TypeOf(JsonNode? schema)
        {
            var type = schema?["type"];
            if (type is JsonArray types)
                return types.Select(t => t!.GetValue<string>()).First(t => t != "null");
            return type?.GetValue<string>()
                ?? (schema?["$ref"] is not null || schema?["allOf"] is not null || schema?["oneOf"] is not null ? "ref" : "string");
        }
    }
}
