using System.Text.Json;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>The wire names of an enum's members, exactly as <see cref="WireJson"/> writes them.</summary>
internal static class EnumWireNames
{
    /// <summary>Wire name → value for every member of <paramref name="enumType"/>.</summary>
    public static IReadOnlyDictionary<string, object> Of(Type enumType) =>
        Enum.GetValues(enumType).Cast<object>()
            .ToDictionary(v => JsonSerializer.Serialize(v, enumType, WireJson.Options).Trim('"'), v => v, StringComparer.Ordinal);
}
