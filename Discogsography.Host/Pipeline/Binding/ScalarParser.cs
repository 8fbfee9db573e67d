using System.Globalization;
using System.Text.Json.Nodes;
using Discogsography.ServiceModel.Types;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>
/// Parses text (path segments, query values, and JSON strings in lax mode) into scalar kinds the way Pydantic's
/// lax mode does, reporting failures with its error types.
/// </summary>
internal static class ScalarParser
{
    private static readonly string[] TrueWords = ["true", "1", "yes", "on", "t", "y"];
    private static readonly string[] FalseWords = ["false", "0", "no", "off", "f", "n"];

    /// <summary>
    /// The one way text (a path segment, a query value) becomes a field's value: parsed as <paramref name="shape"/>,
    /// checked against <paramref name="constraints"/>, narrowed to the CLR type. On failure adds the error and returns false.
    /// </summary>
    public static bool TryParse(TypeShape shape, string text, Constraints constraints, FieldLocation loc, List<ValidationErrorItem> errors,
        out object? value)
    {
        value = null;
        return TryParseWide(shape, text, loc, errors, out var wide)
            && TryComplete(shape, wide!, constraints, JsonValue.Create(text), loc, errors, out value);
    }

    /// <summary>Parses <paramref name="text"/> as <paramref name="shape"/> into its widest CLR type; on failure adds an
    /// error and returns false.</summary>
    private static bool TryParseWide(TypeShape shape, string text, FieldLocation loc, List<ValidationErrorItem> errors, out object? value)
    {
        value = null;
        if (SafeText.Check(text, loc) is { } unsafeText)
        {
            errors.Add(unsafeText);
            return false;
        }
        var input = JsonValue.Create(text);
        switch (shape.Kind)
        {
            case WireKind.String:
                value = text;
                return true;
            case WireKind.Integer when long.TryParse(text.Trim().Replace("_", ""), NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var integer):
                value = integer;
                return true;
            case WireKind.Number when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number):
                value = number;
                return true;
            case WireKind.Boolean when TryParseBoolean(text, out var flag):
                value = flag;
                return true;
            case WireKind.Uuid when Guid.TryParse(text, out var uuid):
                value = uuid;
                return true;
            case WireKind.Timestamp when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
                out var timestamp):
                value = timestamp;
                return true;
            case WireKind.Enum when shape.EnumValues.TryGetValue(text, out var member):
                value = member;
                return true;
        }
        errors.Add(Failure(shape, loc, input));
        return false;
    }

    private static bool TryParseBoolean(string text, out bool value)
    {
        var word = text.Trim().ToLowerInvariant();
        value = TrueWords.Contains(word);
        return value || FalseWords.Contains(word);
    }

    private static ValidationErrorItem Failure(TypeShape shape, FieldLocation loc, JsonNode input) => shape.Kind switch
    {
        WireKind.Integer => ValidationErrors.IntParsing(loc, input),
        WireKind.Number => ValidationErrors.FloatParsing(loc, input),
        WireKind.Boolean => ValidationErrors.BoolParsing(loc, input),
        WireKind.Uuid => ValidationErrors.UuidParsing(loc, input),
        WireKind.Timestamp => ValidationErrors.DatetimeParsing(loc, input),
        WireKind.Enum => ValidationErrors.Enum(loc, input, shape.EnumValues.Keys),
        WireKind.List => ValidationErrors.ListType(loc, input),
        WireKind.Dictionary => ValidationErrors.DictType(loc, input),
        _ => ValidationErrors.ModelAttributesType(loc, input),
    };

    /// <summary>
    /// Finishes a parsed scalar: checks the field's constraints on the wide value (so an absurd <c>limit</c> is
    /// reported as <c>less_than_equal</c>, as Python's unbounded ints are), then narrows it to the CLR type.
    /// </summary>
    public static bool TryComplete(
        TypeShape shape, object wide, Constraints constraints, JsonNode? input, FieldLocation loc, List<ValidationErrorItem> errors,
        out object? value)
    {
        value = null;
        var before = errors.Count;
        ConstraintChecker.Check(constraints, wide, input, loc, errors);
        if (errors.Count != before)
            return false;
        if (TryNarrow(shape, wide, out var narrowed))
        {
            value = narrowed;
            return true;
        }
        errors.Add(ValidationErrors.IntParsing(loc, input));
        return false;
    }

    private static bool TryNarrow(TypeShape shape, object value, out object narrowed)
    {
        narrowed = value;
        try
        {
            narrowed = shape.Type == typeof(int) ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
                : shape.Type == typeof(short) ? Convert.ToInt16(value, CultureInfo.InvariantCulture)
                : shape.Type == typeof(float) ? Convert.ToSingle(value, CultureInfo.InvariantCulture)
                : shape.Type == typeof(decimal) ? Convert.ToDecimal(value, CultureInfo.InvariantCulture)
                : value;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
