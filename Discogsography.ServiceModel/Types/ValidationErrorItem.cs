using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel.Types;

/// <summary>
/// One item of a 422 body, shaped like FastAPI/Pydantic v2 errors:
/// <c>{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}</c>.
/// </summary>
public sealed class ValidationErrorItem
{
    /// <summary>Pydantic error type, e.g. <c>missing</c>, <c>string_too_short</c>, <c>int_parsing</c>, <c>value_error</c>.</summary>
    public required string Type { get; set; }

    /// <summary>Where the error is: <c>["body","email"]</c>, <c>["query","limit"]</c>, <c>["body", 12]</c>.</summary>
    public required JsonArray Loc { get; set; }

    /// <summary>Human-readable message.</summary>
    public required string Msg { get; set; }

    /// <summary>The offending input (the raw query string, the JSON value, or the whole body for a missing field).</summary>
    public JsonNode? Input { get; set; }

    /// <summary>Constraint context such as <c>{"min_length":8}</c>; omitted when there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Ctx { get; set; }
}

/// <summary>The 422 body: <c>{"detail": [ ... ]}</c>.</summary>
public sealed class ValidationErrorResponse
{
    /// <summary>Every problem found in the path, query and body, reported together.</summary>
    public required List<ValidationErrorItem> Detail { get; set; }
}
