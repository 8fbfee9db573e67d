using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Discogsography.ServiceModel;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>How a wire value maps onto a CLR type; decides parsing and the Pydantic error type of a mismatch.</summary>
internal enum WireKind
{
    String,
    Integer,
    Number,
    Boolean,
    Uuid,
    Timestamp,
    Enum,
    Object,
    List,
    Dictionary,
    Json,
}

/// <summary>
/// Everything binding needs to know about a type, computed once at startup: its kind, and for objects the
/// fields with compiled setters and constraints, so requests are bound without reflection.
/// </summary>
internal sealed class TypeShape
{
    private static readonly ConcurrentDictionary<Type, TypeShape> Cache = new();
    private static readonly NullabilityInfoContext Nullability = new();

    private TypeShape(Type type, WireKind kind)
    {
        Type = type;
        Kind = kind;
    }

    /// <summary>The CLR type (without <see cref="Nullable{T}"/>).</summary>
    public Type Type { get; }

    /// <summary>The wire kind.</summary>
    public WireKind Kind { get; }

    /// <summary>For lists and dictionaries: the element/value shape.</summary>
    public TypeShape? Element { get; private init; }

    /// <summary>For objects: the settable fields.</summary>
    public IReadOnlyList<FieldShape> Fields { get; private set; } = [];

    /// <summary>Creates an empty instance (objects), list or dictionary.</summary>
    public Func<object> Create { get; private init; } = () => throw new InvalidOperationException("Not a container");

    /// <summary>For enums: wire name → value.</summary>
    public IReadOnlyDictionary<string, object> EnumValues { get; private init; } = new Dictionary<string, object>();

    /// <summary>The shape of <paramref name="type"/>, built on first use and cached.</summary>
    public static TypeShape Of(Type type) => Cache.TryGetValue(type, out var shape) ? shape : Build(type);

    private static TypeShape Build(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var shape = Scalar(underlying) ?? Container(underlying)
            ?? new TypeShape(underlying, WireKind.Object) { Create = Factory(underlying) };
        if (!Cache.TryAdd(type, shape))
            return Cache[type];
        if (shape.Kind == WireKind.Object)
            shape.Fields = FieldsOf(underlying);
        return shape;
    }

    private static TypeShape? Scalar(Type type) => type switch
    {
        _ when type == typeof(string) => new(type, WireKind.String),
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => new(type, WireKind.Integer),
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => new(type, WireKind.Number),
        _ when type == typeof(bool) => new(type, WireKind.Boolean),
        _ when type == typeof(Guid) => new(type, WireKind.Uuid),
        _ when type == typeof(DateTimeOffset) => new(type, WireKind.Timestamp),
        _ when typeof(JsonNode).IsAssignableFrom(type) || type == typeof(object) => new(type, WireKind.Json),
        { IsEnum: true } => new(type, WireKind.Enum) { EnumValues = EnumWireNames.Of(type) },
        _ => null,
    };

    private static TypeShape? Container(Type type)
    {
        if (type.IsArray)
            throw new NotSupportedException($"{type.Name}: request DTOs use List<T>, not arrays.");
        if (!type.IsGenericType)
            return null;
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            return arguments[0] == typeof(string)
                ? new(type, WireKind.Dictionary) { Element = Of(arguments[1]),
                    Create = Factory(typeof(Dictionary<,>).MakeGenericType(arguments)) }
                : throw new NotSupportedException($"{type.Name}: dictionary keys must be strings.");
        }
        Type[] lists = [typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>), typeof(IEnumerable<>), typeof(ICollection<>),
            typeof(IReadOnlyCollection<>)];
        return lists.Contains(definition)
            ? new(type, WireKind.List) { Element = Of(arguments[0]), Create = Factory(typeof(List<>).MakeGenericType(arguments)) }
            : null;
    }

    private static FieldShape[] FieldsOf(Type type)
    {
        var requiredByKeyword = type.GetCustomAttribute<RequiredMemberAttribute>() is not null;
        return RequestRoutes.PropertiesOf(type)
            .Select(p => new FieldShape(
                p.WireName,
                p.Property,
                Of(p.Property.PropertyType),
                Setter(type, p.Property),
                IsRequired: (requiredByKeyword && p.Property.GetCustomAttribute<RequiredMemberAttribute>() is not null)
                            || p.Property.GetCustomAttribute<RequiredAttribute>() is not null,
                AllowsNull: AllowsNull(p.Property),
                Constraints.Of(p.Property)))
            .ToArray();
    }

    private static bool AllowsNull(PropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : Nullability.Create(property).WriteState != NullabilityState.NotNull;

    private static Func<object> Factory(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new NotSupportedException($"{type.Name} needs a public parameterless constructor to be bound.");
        return Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(type), typeof(object))).Compile();
    }

    private static Action<object, object?> Setter(Type owner, PropertyInfo property)
    {
        var target = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var assign = Expression.Assign(
            Expression.Property(Expression.Convert(target, owner), property),
            Expression.Convert(value, property.PropertyType));
        return Expression.Lambda<Action<object, object?>>(assign, target, value).Compile();
    }

    /// <summary>Adds <paramref name="item"/> to a list created by <see cref="Create"/>.</summary>
    public static void AddToList(object list, object? item) => ((IList)list).Add(item);

    /// <summary>Adds an entry to a dictionary created by <see cref="Create"/>.</summary>
    public static void AddToDictionary(object dictionary, string key, object? value) => ((IDictionary)dictionary)[key] = value;
}

/// <summary>A settable field of an object shape.</summary>
internal sealed record FieldShape(
    string WireName,
    PropertyInfo Property,
    TypeShape Shape,
    Action<object, object?> Set,
    bool IsRequired,
    bool AllowsNull,
    Constraints Constraints);

/// <summary>The DataAnnotations constraints of a field, reported the way Pydantic reports <c>ge</c>, <c>le</c>,
/// <c>min_length</c>.</summary>
internal sealed record Constraints(double? Minimum, double? Maximum, int? MinLength, int? MaxLength, string? Pattern = null)
{
    public static readonly Constraints None = new(null, null, null, null);

    public static Constraints Of(PropertyInfo property)
    {
        var range = property.GetCustomAttribute<RangeAttribute>();
        var min = property.GetCustomAttribute<MinLengthAttribute>();
        var max = property.GetCustomAttribute<MaxLengthAttribute>();
        var pattern = property.GetCustomAttribute<RegularExpressionAttribute>();
        return range is null && min is null && max is null && pattern is null
            ? None
            : new Constraints(
                range is null ? null : Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture),
                range is null ? null : Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture),
                min?.Length,
                max?.Length,
                pattern?.Pattern);
    }
}
