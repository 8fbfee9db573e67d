using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Pipeline;

/// <summary>422 bodies shaped like FastAPI/Pydantic v2's (REFERENCE-API.md §2.4).</summary>
public sealed class ValidationErrorTests : ApiTest
{
    [Test]
    public async Task A_missing_query_parameter_is_a_missing_error_with_null_input()
    {
        var detail = await DetailOf(await Http.GetAsync("/test/probe/1"));

        Assert.That(detail.ToJsonString(), Is.EqualTo("""[{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}]"""));
    }

    [Test]
    public async Task Bounds_and_parsing_errors_of_all_parameters_are_reported_together_with_the_raw_input()
    {
        var detail = await DetailOf(await Http.GetAsync("/test/probe/1?q=a&limit=0&offset=abc&color=green"));

        Assert.That(detail.ToJsonString(), Is.EqualTo(
            """[{"type":"string_too_short","loc":["query","q"],"msg":"String should have at least 2 characters","input":"a","ctx":{"min_length":2}},"""
            + """{"type":"greater_than_equal","loc":["query","limit"],"msg":"Input should be greater than or equal to 1","input":"0","ctx":{"ge":1}},"""
            + """{"type":"int_parsing","loc":["query","offset"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"abc"},"""
            + """{"type":"enum","loc":["query","color"],"msg":"Input should be 'deep_red' or 'blue'","input":"green","ctx":{"expected":"'deep_red' or 'blue'"}}]"""));
    }

    [Test]
    public async Task An_upper_bound_is_reported_as_less_than_equal_even_beyond_the_integer_range()
    {
        var detail = await DetailOf(await Http.GetAsync("/test/probe/1?q=ab&limit=99999999999999"));

        Assert.That(detail[0]!["type"]!.GetValue<string>(), Is.EqualTo("less_than_equal"));
        Assert.That(detail[0]!["ctx"]!.ToJsonString(), Is.EqualTo("""{"le":50}"""));
    }

    [Test]
    public async Task Missing_body_fields_report_the_whole_body_as_input()
    {
        var detail = await DetailOf(await Http.PostAsync("/test/probe", Json("""{"password":"long-enough"}""")));

        Assert.That(detail.ToJsonString(),
            Is.EqualTo("""[{"type":"missing","loc":["body","name"],"msg":"Field required","input":{"password":"long-enough"}}]"""));
    }

    [Test]
    public async Task A_number_where_a_string_is_required_is_not_coerced()
    {
        var detail = await DetailOf(await Http.PostAsync("/test/probe",
            Json("""{"name":5,"password":"long-enough","nodes":[{"id":1,"type":"x"}]}""")));

        Assert.That(detail.ToJsonString(), Is.EqualTo(
            """[{"type":"string_type","loc":["body","name"],"msg":"Input should be a valid string","input":5},"""
            + """{"type":"string_type","loc":["body","nodes",0,"id"],"msg":"Input should be a valid string","input":1}]"""));
    }

    [Test]
    public async Task A_password_shorter_than_the_minimum_is_string_too_short_counting_code_points()
    {
        var shortPassword = await DetailOf(await Http.PostAsync("/test/probe", Json("""{"name":"n","password":"short"}""")));
        using var emoji = await Http.PostAsync("/test/probe", Json("""{"name":"n","password":"😀😀😀😀😀😀😀😀"}"""));

        Assert.That(shortPassword[0]!["type"]!.GetValue<string>(), Is.EqualTo("string_too_short"));
        Assert.That(shortPassword[0]!["ctx"]!.ToJsonString(), Is.EqualTo("""{"min_length":8}"""));
        Assert.That(emoji.StatusCode, Is.EqualTo(HttpStatusCode.Created), "8 code points are 16 UTF-16 units but still 8 characters");
    }

    [Test]
    public async Task Malformed_JSON_is_json_invalid_at_the_character_offset()
    {
        var detail = await DetailOf(await Http.PostAsync("/test/probe", Json("""{"name": "é", oops}""")));

        Assert.Multiple(() =>
        {
            Assert.That(detail[0]!["type"]!.GetValue<string>(), Is.EqualTo("json_invalid"));
            Assert.That(detail[0]!["loc"]!.ToJsonString(), Is.EqualTo("""["body",14]"""),
                "Python reports the offset of the unexpected character: 14");
            Assert.That(detail[0]!["msg"]!.GetValue<string>(), Is.EqualTo("JSON decode error"));
            Assert.That(detail[0]!["input"]!.ToJsonString(), Is.EqualTo("{}"));
            Assert.That(detail[0]!["ctx"]!["error"]!.GetValue<string>(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Malformed_JSON_is_reported_before_authentication()
    {
        using var response = await Http.PostAsync("/test/limited", Json("{"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task A_missing_body_is_missing_at_body_and_a_non_JSON_body_is_model_attributes_type()
    {
        var missing = await DetailOf(await Http.PostAsync("/test/probe", null));
        var notJson = await DetailOf(await Http.PostAsync("/test/probe", new StringContent("name=x", Encoding.UTF8, "text/plain")));
        var array = await DetailOf(await Http.PostAsync("/test/probe", Json("[]")));

        Assert.Multiple(() =>
        {
            Assert.That(missing.ToJsonString(), Is.EqualTo("""[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]"""));
            Assert.That(notJson[0]!["type"]!.GetValue<string>(), Is.EqualTo("model_attributes_type"));
            Assert.That(notJson[0]!["input"]!.GetValue<string>(), Is.EqualTo("name=x"));
            Assert.That(array[0]!["type"]!.GetValue<string>(), Is.EqualTo("model_attributes_type"));
        });
    }

    [Test]
    public async Task Validator_failures_are_value_errors_reported_with_binding_errors_in_field_order()
    {
        var detail = await DetailOf(await Http.PostAsync("/test/validated", Json("""{"email":"nope","password":"short"}""")));

        Assert.That(detail.ToJsonString(), Is.EqualTo(
            """[{"type":"value_error","loc":["body","email"],"msg":"Value error, Invalid email address","input":"nope","ctx":{"error":{}}},"""
            + """{"type":"string_too_short","loc":["body","password"],"msg":"String should have at least 8 characters","input":"short","ctx":{"min_length":8}}]"""));
    }

    [Test]
    public async Task A_validator_failure_is_reported_at_the_fields_wire_name_even_a_renamed_one()
    {
        var detail = await DetailOf(await Http.PostAsync("/test/validated",
            Json("""{"email":"a@example.com","password":"long enough","nick-name":"root"}""")));

        Assert.That(detail[0]!["loc"]!.ToJsonString(), Is.EqualTo("""["body","nick-name"]"""));
        Assert.That(detail[0]!["msg"]!.GetValue<string>(), Is.EqualTo("Value error, That name is taken"));
    }

    [Test]
    public void The_typed_client_raises_ApiException_with_field_errors()
    {
        var error = Assert.ThrowsAsync<ApiException>(() => Client.SendAsync(new GetProbe { ItemId = "1", Q = "a", Limit = 500 }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(error.FieldErrors.Select(f => (f.Location, f.Field, f.ErrorType)), Is.EqualTo(new[]
            {
                ("query", "q", "string_too_short"),
                ("query", "limit", "less_than_equal"),
            }));
            Assert.That(error.ErrorMessage, Does.Contain("q: String should have at least 2 characters"));
        });
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<WireArray> DetailOf(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), await response.Content.ReadAsStringAsync());
            return new WireArray(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.AsArray());
        }
    }

    /// <summary>The 422 list, compared as the wire writes it (quotes and non-ASCII unescaped).</summary>
    private sealed class WireArray(JsonArray items)
    {
        public JsonNode? this[int index] => items[index];

        public string ToJsonString() => items.ToJsonString(Discogsography.ServiceModel.Serialization.WireJson.Options);
    }
}
