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

    /// <summary>
    /// Python's float repr: the shortest round-trip digits, written in positional notation when the decimal
    /// exponent is in [-4, 16) — with <c>.0</c> on integral values — and as <c>1.5e+300</c>/<c>1e-05</c> otherwise.
    /// </summary>
    public static string Format(double value)
    {
        if (value == 0)
            return double.IsNegative(value) ? "-0.0" : "0.0";
        var (negative, digits, exponent) = Decompose(value);
        var body = exponent is < -4 or >= 16 ? Scientific(digits, exponent) : Positional(digits, exponent);
        return negative ? "-" + body : body;
    }

    /// <summary>Shortest digits (no leading/trailing zeros) and the decimal exponent of the first one: value = d.ddd ×
    /// 10^exponent.</summary>
    private static (bool Negative, string Digits, int Exponent) Decompose(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa.Length : point;
        var all = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        return (value < 0, all.Trim('0'), exponent + integerDigits - 1 - leadingZeros);
    }

    private static string Scientific(string digits, int exponent)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }

    private static string Positional(string digits, int exponent)
    {
        if (exponent < 0)
            return "0." + new string('0', -exponent - 1) + digits;
        if (digits.Length <= exponent + 1)
            return digits + new string('0', exponent + 1 - digits.Length) + ".0";
        return digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
    }
}
