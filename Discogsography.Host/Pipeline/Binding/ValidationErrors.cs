using System.Globalization;
using System.Text.Json.Nodes;
using Discogsography.ServiceModel.Types;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>
/// Builders for 422 items with Pydantic v2's types, messages and context (pydantic-core 2.x error messages),
/// so clients written against the reference parse ours unchanged.
/// </summary>
internal static class ValidationErrors
{
    public static ValidationErrorItem Missing(FieldLocation loc, JsonNode? input) => Item("missing", loc, "Field required", input);

    public static ValidationErrorItem StringType(FieldLocation loc, JsonNode? input) =>
        Item("string_type", loc, "Input should be a valid string", input);

    public static ValidationErrorItem IntType(FieldLocation loc, JsonNode? input) =>
        Item("int_type", loc, "Input should be a valid integer", input);

    public static ValidationErrorItem IntParsing(FieldLocation loc, JsonNode? input) =>
        Item("int_parsing", loc, "Input should be a valid integer, unable to parse string as an integer", input);

    public static ValidationErrorItem IntFromFloat(FieldLocation loc, JsonNode? input) =>
        Item("int_from_float", loc, "Input should be a valid integer, got a number with a fractional part", input);

    public static ValidationErrorItem FloatType(FieldLocation loc, JsonNode? input) =>
        Item("float_type", loc, "Input should be a valid number", input);

    public static ValidationErrorItem FloatParsing(FieldLocation loc, JsonNode? input) =>
        Item("float_parsing", loc, "Input should be a valid number, unable to parse string as a number", input);

    public static ValidationErrorItem BoolType(FieldLocation loc, JsonNode? input) =>
        Item("bool_type", loc, "Input should be a valid boolean", input);

    public static ValidationErrorItem BoolParsing(FieldLocation loc, JsonNode? input) =>
        Item("bool_parsing", loc, "Input should be a valid boolean, unable to interpret input", input);

    public static ValidationErrorItem UuidParsing(FieldLocation loc, JsonNode? input) =>
        Item("uuid_parsing", loc, "Input should be a valid UUID, unable to parse string as a UUID", input);

    public static ValidationErrorItem DatetimeParsing(FieldLocation loc, JsonNode? input) =>
        Item("datetime_from_date_parsing", loc, "Input should be a valid datetime or date, invalid character in year", input);

    public static ValidationErrorItem ListType(FieldLocation loc, JsonNode? input) =>
        Item("list_type", loc, "Input should be a valid list", input);

    public static ValidationErrorItem DictType(FieldLocation loc, JsonNode? input) =>
        Item("dict_type", loc, "Input should be a valid dictionary", input);

    /// <summary>A non-object where a model was expected (FastAPI validates bodies with <c>from_attributes</c>).</summary>
    public static ValidationErrorItem ModelAttributesType(FieldLocation loc, JsonNode? input) =>
        Item("model_attributes_type", loc, "Input should be a valid dictionary or object to extract fields from", input);

    public static ValidationErrorItem Enum(FieldLocation loc, JsonNode? input, IEnumerable<string> allowed)
    {
        var expected = Expected(allowed.ToArray());
        return Item("enum", loc, $"Input should be {expected}", input, new JsonObject { ["expected"] = expected });
    }

    public static ValidationErrorItem GreaterThanEqual(FieldLocation loc, JsonNode? input, double bound) =>
        Item("greater_than_equal", loc, $"Input should be greater than or equal to {Number(bound)}", input,
            new JsonObject { ["ge"] = NumberNode(bound) });

    public static ValidationErrorItem LessThanEqual(FieldLocation loc, JsonNode? input, double bound) =>
        Item("less_than_equal", loc, $"Input should be less than or equal to {Number(bound)}", input,
            new JsonObject { ["le"] = NumberNode(bound) });

    public static ValidationErrorItem StringTooShort(FieldLocation loc, JsonNode? input, int minLength) =>
        Item("string_too_short", loc, $"String should have at least {minLength} {Plural(minLength, "character")}", input,
            new JsonObject { ["min_length"] = minLength });

    public static ValidationErrorItem StringTooLong(FieldLocation loc, JsonNode? input, int maxLength) =>
        Item("string_too_long", loc, $"String should have at most {maxLength} {Plural(maxLength, "character")}", input,
            new JsonObject { ["max_length"] = maxLength });

    public static ValidationErrorItem PatternMismatch(FieldLocation loc, JsonNode? input, string pattern) =>
        Item("string_pattern_mismatch", loc, $"String should match pattern '{pattern}'", input, new JsonObject { ["pattern"] = pattern });

    public static ValidationErrorItem TooShort(FieldLocation loc, JsonNode? input, int minLength, int actual) =>
        Item("too_short", loc, $"List should have at least {minLength} {Plural(minLength, "item")} after validation, not {actual}", input,
            new JsonObject { ["field_type"] = "List", ["min_length"] = minLength, ["actual_length"] = actual });

    public static ValidationErrorItem TooLong(FieldLocation loc, JsonNode? input, int maxLength, int actual) =>
        Item("too_long", loc, $"List should have at most {maxLength} {Plural(maxLength, "item")} after validation, not {actual}", input,
            new JsonObject { ["field_type"] = "List", ["max_length"] = maxLength, ["actual_length"] = actual });

    /// <summary>A custom validator's failure: <c>Value error, &lt;message&gt;</c> with <c>ctx.error = {}</c>.</summary>
    public static ValidationErrorItem ValueError(FieldLocation loc, JsonNode? input, string message) =>
        Item("value_error", loc, $"Value error, {message}", input, new JsonObject { ["error"] = new JsonObject() });

    /// <summary>Malformed JSON: the location is the character offset of the problem.</summary>
    public static ValidationErrorItem JsonInvalid(long offset, string error) =>
        Item("json_invalid", FieldLocation.Of("body", offset), "JSON decode error", new JsonObject(), new JsonObject { ["error"] = error });

    public static ValidationErrorItem Item(string type, FieldLocation loc, string msg, JsonNode? input, JsonObject? ctx = null) =>
        new() { Type = type, Loc = loc.ToJsonArray(), Msg = msg, Input = input, Ctx = ctx };

    private static string Expected(string[] allowed) => allowed.Length switch
    {
        0 => "",
        1 => $"'{allowed[0]}'",
        _ => string.Join(", ", allowed[..^1].Select(a => $"'{a}'")) + $" or '{allowed[^1]}'",
    };

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonNode NumberNode(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < long.MaxValue ? JsonValue.Create((long)value) : JsonValue.Create(value);
}
