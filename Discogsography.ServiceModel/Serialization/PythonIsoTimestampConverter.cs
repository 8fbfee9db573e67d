using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel.Serialization;

/// <summary>
/// Timestamps as Python's <c>datetime.isoformat()</c> writes timezone-aware values:
/// <c>YYYY-MM-DDTHH:MM:SS.ffffff+HH:MM</c>, with the 6-digit fraction omitted when the microseconds are 0
/// (PostgreSQL <c>timestamptz</c> has microsecond precision, so finer ticks are truncated).
/// </summary>
public sealed class PythonIsoTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("Expected an ISO 8601 timestamp."),
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    /// <summary>Formats <paramref name="value"/> in the reference's ISO form.</summary>
    public static string Format(DateTimeOffset value)
    {
        var microseconds = value.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond;
        var seconds = value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = microseconds == 0 ? "" : "." + microseconds.ToString("000000", CultureInfo.InvariantCulture);
        return seconds + fraction + value.ToString("zzz", CultureInfo.InvariantCulture);
    }
}
