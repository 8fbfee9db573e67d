using System.Net;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Pipeline;

public sealed class TypedClientRoundTripTests : ApiTest
{
    [Test]
    public async Task A_GET_binds_the_path_and_query_string_onto_the_DTO()
    {
        var response = await Client.SendAsync(new GetProbe
        {
            ItemId = "a b/c", Q = "radio", Limit = 7, Offset = 3, Verbose = true, Color = ProbeColor.DeepRed, Tags = ["x", "y"],
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Echo, Is.EqualTo("a b/c|radio|True|DeepRed|x+y"));
            Assert.That(response.Limit, Is.EqualTo(7));
            Assert.That(response.Offset, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Query_parameters_that_are_not_sent_take_the_DTO_defaults()
    {
        var response = await Client.SendAsync(new GetProbe { ItemId = "1", Q = "radio" });

        Assert.That((response.Limit, response.Offset), Is.EqualTo((10, 0)));
    }

    [Test]
    public async Task A_POST_binds_a_JSON_body_with_nested_objects_and_answers_its_declared_status()
    {
        HttpStatusCode? status = null;
        Client.ResponseFilter = r => status = r.StatusCode;

        var response = await Client.SendAsync(new CreateProbe
        {
            Name = "n", Password = "long-enough", Count = 2, Score = 1.0,
            Center = new ProbeNode { Id = "c", Type = "artist" },
            Nodes = [new ProbeNode { Id = "1", Type = "artist" }, new ProbeNode { Id = "2", Type = "label" }],
        });

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Echo, Is.EqualTo("n|2|c|1:artist+2:label"));
            Assert.That(response.Details["naïve"], Is.EqualTo("café ✓"));
        });
    }

    [Test]
    public async Task A_void_DELETE_answers_204_without_a_body()
    {
        using var response = await Http.DeleteAsync("/test/probe/42");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
        Assert.DoesNotThrowAsync(() => Client.SendAsync(new DeleteProbe { ItemId = "42" }));
    }

    [Test]
    public async Task The_wire_format_is_snake_case_with_Python_floats_timestamps_and_unescaped_unicode()
    {
        var body = await (await Http.PostAsync("/test/probe",
            Json("""{"name":"n","password":"long-enough","score":1}"""))).Content.ReadAsStringAsync();
        var get = await Http.GetStringAsync("/test/probe/1?q=radio");

        Assert.Multiple(() =>
        {
            Assert.That(body, Does.Contain("\"score\":1.0"));
            Assert.That(body, Does.Contain("\"details\":{\"naïve\":\"café ✓\"}"));
            Assert.That(get, Does.Match("\"at\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00\""));
            Assert.That(get, Does.Contain("\"limit\":10"));
        });
    }

    [Test]
    public async Task GET_routes_also_answer_HEAD_without_a_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/test/probe/1?q=radio");
        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
