using System.Text.Json;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceInterface.RateLimiting;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.Tests.Unit;

public sealed class WireFormatTests
{
    [TestCase(1.0, "1.0")]
    [TestCase(0.5, "0.5")]
    [TestCase(-3.0, "-3.0")]
    [TestCase(12345.678, "12345.678")]
    [TestCase(1e-05, "1e-05")]
    [TestCase(1e16, "1e+16")]
    [TestCase(1.5e300, "1.5e+300")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.000123, "0.000123")]
    [TestCase(1234567890123456.0, "1234567890123456.0")]
    [TestCase(0.1 + 0.2, "0.30000000000000004")]
    [TestCase(100.0, "100.0")]
    [TestCase(-0.0, "-0.0")]
    public void Floats_are_written_like_Python_repr(double value, string expected)
    {
        Assert.That(PythonFloatConverter.Format(value), Is.EqualTo(expected));
    }

    [Test]
    public void Non_finite_floats_are_refused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(double.NaN, WireJson.Options));
    }

    [Test]
    public void Timestamps_have_six_fraction_digits_only_when_there_are_microseconds()
    {
        var whole = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        Assert.That(PythonIsoTimestampConverter.Format(whole), Is.EqualTo("2026-01-02T03:04:05+00:00"));
        Assert.That(PythonIsoTimestampConverter.Format(whole.AddTicks(1234567)), Is.EqualTo("2026-01-02T03:04:05.123456+00:00"));
        Assert.That(PythonIsoTimestampConverter.Format(whole.AddTicks(5)), Is.EqualTo("2026-01-02T03:04:05+00:00"),
            "ticks below a microsecond are dropped");
    }

    [Test]
    public void Names_are_snake_case_nulls_are_written_and_non_ASCII_is_not_escaped()
    {
        var json = JsonSerializer.Serialize(new DependencyStatus { Name = "Beyoncé <&>", Status = "up" }, WireJson.Options);

        Assert.That(json, Is.EqualTo("""{"name":"Beyoncé <&>","status":"up","detail":null}"""));
    }

    [Test]
    public void Python_json_escapes_only_what_Python_escapes()
    {
        var json = PythonJson.Object([new("email", "a+b@é.com"), new("exp", 5L), new("q", "\"\\\n")], ", ", ": ");

        Assert.That(json, Is.EqualTo("{\"email\": \"a+b@\\u00e9.com\", \"exp\": 5, \"q\": \"\\\"\\\\\\n\"}"));
    }

    [TestCase("5/minute", 5, "5 per 1 minute", 60)]
    [TestCase("2/10minute", 2, "2 per 10 minute", 600)]
    [TestCase("30/minute", 30, "30 per 1 minute", 60)]
    [TestCase("100 per hour", 100, "100 per 1 hour", 3600)]
    public void Rate_limits_are_parsed_from_the_limits_notation(string text, int amount, string display, int windowSeconds)
    {
        var rule = RateLimitRule.Parse(text);

        Assert.That((rule.Amount, rule.ToString(), rule.Window), Is.EqualTo((amount, display, TimeSpan.FromSeconds(windowSeconds))));
    }

    [Test]
    public void Routes_are_read_from_the_DTO()
    {
        var route = RequestRoutes.For(typeof(GetReadiness)).Single();

        Assert.That((route.Template, route.Verb), Is.EqualTo(("/health/ready", "GET")));
        Assert.That(RequestRoutes.VariablesOf("/api/node/{node_id}"), Is.EqualTo(new[] { "node_id" }));
    }
}
