using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel.Serialization;

/// <summary>The wire (JSON, query and path) name of a DTO property: its <c>[JsonPropertyName]</c>, else snake_case.</summary>
public static class WireNames
{
    /// <summary>The wire name of <paramref name="property"/>.</summary>
    public static string Of(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
}
