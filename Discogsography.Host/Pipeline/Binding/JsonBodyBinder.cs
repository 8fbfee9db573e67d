using System.Text.Json;
using System.Text.Json.Nodes;
using Discogsography.ServiceModel.Types;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>
/// Binds a parsed JSON value onto a <see cref="TypeShape"/>, collecting every mismatch as a Pydantic-shaped
/// error (missing fields, wrong types, constraint violations) instead of stopping at the first.
/// </summary>
internal static class JsonBodyBinder
{
    /// <summary>Binds the fields of an object shape from a JSON object onto <paramref name="target"/>.</summary>
    public static void BindFields(
        IEnumerable<FieldShape> fields, object target, JsonElement json, FieldLocation loc, List<ValidationErrorItem> errors)
    {
        foreach (var field in fields)
        {
            var fieldLoc = loc.Then(field.WireName);
            if (!json.TryGetProperty(field.WireName, out var element))
            {
                if (field.IsRequired)
                    errors.Add(ValidationErrors.Missing(fieldLoc, NodeOf(json)));
                continue;
            }
            if (TryBindField(field, element, fieldLoc, errors, out var value))
                field.Set(target, value);
        }
    }

    private static bool TryBindField(FieldShape field, JsonElement element, FieldLocation loc, List<ValidationErrorItem> errors,
        out object? value)
    {
        value = null;
        if (element.ValueKind == JsonValueKind.Null && field.AllowsNull)
            return true;
        var before = errors.Count;
        if (!TryBind(field.Shape, element, loc, errors, out value, field.Constraints))
            return false;
        if (field.Shape.Kind is WireKind.List or WireKind.Dictionary)
            ConstraintChecker.Check(field.Constraints, value, NodeOf(element), loc, errors);
        return errors.Count == before;
    }

    /// <summary>Binds one JSON value; on failure adds errors and returns false.</summary>
    public static bool TryBind(
        TypeShape shape, JsonElement element, FieldLocation loc, List<ValidationErrorItem> errors, out object? value,
        Constraints? constraints = null)
    {
        value = null;
        switch (shape.Kind)
        {
            case WireKind.Json:
                value = JsonNode.Parse(element.GetRawText());
                return true;
            case WireKind.Object:
                return TryBindObject(shape, element, loc, errors, out value);
            case WireKind.List:
                return TryBindList(shape, element, loc, errors, out value);
            case WireKind.Dictionary:
                return TryBindDictionary(shape, element, loc, errors, out value);
            default:
                return TryBindScalar(shape, element, constraints ?? Constraints.None, loc, errors, out value);
        }
    }

    /// <summary>A JSON string is parsed like query text (Pydantic's lax mode); numbers and booleans are taken as they
    /// are, then checked and narrowed.</summary>
    private static bool TryBindScalar(TypeShape shape, JsonElement element, Constraints constraints, FieldLocation loc,
        List<ValidationErrorItem> errors, out object? value)
    {
        value = null;
        if (element.ValueKind == JsonValueKind.String
            && shape.Kind is WireKind.String or WireKind.Uuid or WireKind.Timestamp or WireKind.Enum
                or WireKind.Integer or WireKind.Number or WireKind.Boolean)
            return ScalarParser.TryParse(shape, element.GetString()!, constraints, loc, errors, out value);
        return TryBindJsonScalar(shape, element, loc, errors, out var wide)
               && ScalarParser.TryComplete(shape, wide!, constraints, NodeOf(element), loc, errors, out value);
    }

    private static bool TryBindJsonScalar(TypeShape shape, JsonElement element, FieldLocation loc, List<ValidationErrorItem> errors,
        out object? value)
    {
        value = null;
        var input = NodeOf(element);
        switch (shape.Kind, element.ValueKind)
        {
            case (WireKind.Integer, JsonValueKind.Number) when element.TryGetInt64(out var integer):
                value = integer;
                return true;
            case (WireKind.Integer, JsonValueKind.Number):
                errors.Add(ValidationErrors.IntFromFloat(loc, input));
                return false;
            case (WireKind.Number, JsonValueKind.Number):
                value = element.GetDouble();
                return true;
            case (WireKind.Boolean, JsonValueKind.True or JsonValueKind.False):
                value = element.GetBoolean();
                return true;
        }
        errors.Add(TypeMismatch(shape, loc, input));
        return false;
    }

    private static bool TryBindObject(TypeShape shape, JsonElement element, FieldLocation loc, List<ValidationErrorItem> errors,
        out object? value)
    {
        value = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationErrors.ModelAttributesType(loc, NodeOf(element)));
            return false;
        }
        var before = errors.Count;
        var instance = shape.Create();
        BindFields(shape.Fields, instance, element, loc, errors);
        value = instance;
        return errors.Count == before;
    }

    private static bool TryBindList(TypeShape shape, JsonElement element, FieldLocation loc, List<ValidationErrorItem> errors,
        out object? value)
    {
        value = null;
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(ValidationErrors.ListType(loc, NodeOf(element)));
            return false;
        }
        var before = errors.Count;
        var list = shape.Create();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (TryBind(shape.Element!, item, loc.Then(index++), errors, out var bound))
                TypeShape.AddToList(list, bound);
        }
        value = list;
        return errors.Count == before;
    }

    private static bool TryBindDictionary(TypeShape shape, JsonElement element, FieldLocation loc, List<ValidationErrorItem> errors,
        out object? value)
    {
        value = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationErrors.DictType(loc, NodeOf(element)));
            return false;
        }
        var before = errors.Count;
        var dictionary = shape.Create();
        foreach (var property in element.EnumerateObject())
        {
            if (TryBind(shape.Element!, property.Value, loc.Then(property.Name), errors, out var bound))
                TypeShape.AddToDictionary(dictionary, property.Name, bound);
        }
        value = dictionary;
        return errors.Count == before;
    }

    private static ValidationErrorItem TypeMismatch(TypeShape shape, FieldLocation loc, JsonNode? input) => shape.Kind switch
    {
        WireKind.String => ValidationErrors.StringType(loc, input),
        WireKind.Integer => ValidationErrors.IntType(loc, input),
        WireKind.Number => ValidationErrors.FloatType(loc, input),
        WireKind.Boolean => ValidationErrors.BoolType(loc, input),
        WireKind.Enum => ValidationErrors.Enum(loc, input, shape.EnumValues.Keys),
        WireKind.Uuid => ValidationErrors.UuidParsing(loc, input),
        _ => ValidationErrors.DatetimeParsing(loc, input),
    };

    /// <summary>The JSON value as a node, for the error's <c>input</c>.</summary>
    public static JsonNode? NodeOf(JsonElement element) => JsonNode.Parse(element.GetRawText());

}
