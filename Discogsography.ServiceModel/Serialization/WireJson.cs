using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel.Serialization;

/// <summary>
/// The one definition of the wire format, shared by the Host and every client: snake_case names, strict
/// numbers, string enums, non-ASCII characters left unescaped (like the reference's orjson), floats written
/// as floats and timestamps in Python's <c>datetime.isoformat()</c> form.
/// </summary>
public static class WireJson
{
    /// <summary>Options for responses and stored documents: null members are written as <c>null</c>.</summary>
    public static JsonSerializerOptions Options { get; } = Freeze(CreateOptions(JsonIgnoreCondition.Never));

    /// <summary>Options for request bodies sent by clients: null members are omitted.</summary>
    public static JsonSerializerOptions RequestOptions { get; } = Freeze(CreateOptions(JsonIgnoreCondition.WhenWritingNull));

    /// <summary>Applies the wire settings to an options instance the framework owns (ASP.NET Core's JsonOptions).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.WriteIndented = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new PythonFloatConverter());
        options.Converters.Add(new PythonIsoTimestampConverter());
    }

    private static JsonSerializerOptions CreateOptions(JsonIgnoreCondition ignoreCondition)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General) { DefaultIgnoreCondition = ignoreCondition };
        Apply(options);
        return options;
    }

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}
