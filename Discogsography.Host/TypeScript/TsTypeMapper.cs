using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Discogsography.Host.TypeScript;

/// <summary>
/// Maps CLR types of the wire contract onto TypeScript: strings, numbers and booleans; enums and
/// <c>[AllowedValues]</c> strings as literal unions; lists as <c>T[]</c>; dictionaries as <c>Record&lt;string, T&gt;</c>;
/// DTO classes by name (collected in <see cref="Referenced"/> so the generator emits each once).
/// </summary>
internal sealed class TsTypeMapper
{
    private static readonly Type[] Strings = [typeof(string), typeof(char), typeof(Guid), typeof(DateTimeOffset), typeof(DateTime),
        typeof(DateOnly),
        typeof(TimeOnly), typeof(TimeSpan), typeof(Uri)];

    private static readonly Type[] Numbers = [typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long),
        typeof(ulong), typeof(float), typeof(double), typeof(decimal)];

    private readonly NullabilityInfoContext nullability = new();
    private readonly SortedDictionary<string, Type> referenced = new(StringComparer.Ordinal);

    /// <summary>Every DTO class met so far, by name.</summary>
    public IReadOnlyDictionary<string, Type> Referenced => referenced;

    /// <summary>The TypeScript type of <paramref name="property"/> and whether its value may be null.</summary>
    public (string Type, bool Nullable) OfProperty(PropertyInfo property)
    {
        var nullable = nullability.Create(property).ReadState == NullabilityState.Nullable;
        var allowed = property.GetCustomAttribute<AllowedValuesAttribute>();
        var type = allowed is null
            ? Of(property.PropertyType)
                : Union(allowed.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!));
        return (type, nullable);
    }

    /// <summary>The TypeScript type of <paramref name="type"/>.</summary>
    public string Of(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return Of(inner);
        if (Strings.Contains(type))
            return "string";
        if (Numbers.Contains(type))
            return "number";
        if (type == typeof(bool))
            return "boolean";
        if (type.IsEnum)
            return Union(type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(EnumWireName));
        if (type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
            return "unknown";
        return Container(type) ?? Reference(type);
    }

    private string? Container(Type type)
    {
        if (type.IsArray)
            return ArrayOf(type.GetElementType()!);
        var dictionary = GenericInterface(type, typeof(IDictionary<,>)) ?? GenericInterface(type, typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
            return $"Record<string, {Of(dictionary.GetGenericArguments()[1])}>";
        var sequence = GenericInterface(type, typeof(IEnumerable<>));
        return sequence is null ? null : ArrayOf(sequence.GetGenericArguments()[0]);
    }

    private string ArrayOf(Type element)
    {
        var item = Of(element);
        return item.Contains('|', StringComparison.Ordinal) ? $"({item})[]" : item + "[]";
    }

    private string Reference(Type type)
    {
        if (!type.IsClass || type.IsGenericType)
            throw new NotSupportedException($"{type.FullName} has no TypeScript mapping: DTOs use classes, lists, dictionaries and primitives.");
        if (referenced.TryGetValue(type.Name, out var known) && known != type)
            throw new NotSupportedException($"Two DTO types are named {type.Name}: {known.FullName} and {type.FullName}.");
        referenced[type.Name] = type;
        return type.Name;
    }

    private static Type? GenericInterface(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    private static string EnumWireName(FieldInfo field) =>
        field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Name);

    private static string Union(IEnumerable<string> values) => string.Join(" | ", values.Select(v => JsonSerializer.Serialize(v)));
}
