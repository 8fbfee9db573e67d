using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Discogsography.Host.OpenApi;

/// <summary>
/// Types the wire format writes with its own converters (Python-style timestamps and floats) get the schema of
/// what is on the wire; the exporter cannot see through a custom converter and would leave them untyped. Strings
/// limited by <c>[AllowedValues]</c> become enums.
/// </summary>
internal sealed class WireSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(AllowedValuesAttribute),
            inherit: false) is [AllowedValuesAttribute allowed, ..])
            schema.Enum = [.. allowed.Values.Select(v => (JsonNode)JsonValue.Create(v?.ToString() ?? ""))];
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is not null ? JsonSchemaType.Null : 0;
        if (type == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String | nullable;
            schema.Format = "date-time";
        }
        else if (type == typeof(double))
        {
            schema.Type = JsonSchemaType.Number | nullable;
            schema.Format = "double";
        }
        return Task.CompletedTask;
    }
}
