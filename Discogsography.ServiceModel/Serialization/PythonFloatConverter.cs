using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel.Serialization;

/// <summary>
/// Writes <see cref="double"/> the way Python's <c>repr(float)</c> does, so a score of 1 is <c>1.0</c> on the
/// wire as in the reference (System.Text.Json would write <c>1</c>). NaN and infinities are refused, as orjson does.
/// </summary>
public sealed class PythonFloatConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (!double.IsFinite(value))
            throw new JsonException($"Non-finite number {value} cannot be written as JSON.");
        writer.WriteRawValue(Format(value), skipInputValidation: true);
    }

    /// <summary>Python's float repr: shortest round-trip digits, <c>.0</c> on integral values, <c>1e-05</c> exponents.</summary>
    public static string Format(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOf('E');
        if (exponentAt < 0)
            return text.Contains('.') ? text : text + ".0";
        var mantissa = text[..exponentAt];
        var exponent = int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }
}
