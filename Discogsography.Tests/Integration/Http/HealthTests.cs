using System.Net;
using System.Text.RegularExpressions;
using Discogsography.ServiceModel;
using Discogsography.Tests.Infrastructure;

namespace Discogsography.Tests.Integration.Http;

/// <summary>REFERENCE-API.md §1.1–1.2, plus readiness.</summary>
public sealed partial class HealthTests : ApiTest
{
    [Test]
    public async Task Health_on_the_API_port_is_the_reference_payload()
    {
        var health = await Client.SendAsync(new GetHealth());

        Assert.That((health.Status, health.Service), Is.EqualTo(("healthy", "api")));
        Assert.That(health.Timestamp, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task Both_ports_answer_health_in_the_same_compact_JSON()
    {
        using var healthPort = new HttpClient { BaseAddress = Host.HealthUrl };

        var separate = await healthPort.GetStringAsync("/health");
        var api = await Http.GetStringAsync("/health");

        Assert.That(separate, Does.Match(CompactHealth()));
        Assert.That(api, Does.Match(CompactHealth()));
    }

    [Test]
    public async Task The_health_port_answers_nothing_but_GET_health()
    {
        using var http = new HttpClient { BaseAddress = Host.HealthUrl };
        using var other = await http.GetAsync("/api/auth/me");
        using var post = await http.PostAsync("/health", null);

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await other.Content.ReadAsStringAsync(), Is.Empty);
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotImplemented));
    }

    [Test]
    public async Task Readiness_is_ready_when_PostgreSQL_and_Redis_answer()
    {
        var ready = await Client.SendAsync(new GetReadiness());

        Assert.That(ready.Status, Is.EqualTo("ready"));
        Assert.That(ready.Checks, Is.EqualTo(new Dictionary<string, string> { ["postgres"] = "up", ["redis"] = "up" }));
    }

    [GeneratedRegex("""^\{"status":"healthy","service":"api","timestamp":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00"\}$""")]
    private static partial Regex CompactHealth();
}
