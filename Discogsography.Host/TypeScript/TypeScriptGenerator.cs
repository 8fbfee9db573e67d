using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Serialization;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.Host.TypeScript;

/// <summary>
/// Writes one TypeScript module from the ServiceModel metadata: an interface per response and shared type, a class
/// per request recording its route, verb and response type, and the dependency-free <c>JsonApiClient</c> that sends
/// them. Deterministic (types in name order), so a snapshot test notices any contract change.
/// </summary>
internal static class TypeScriptGenerator
{
    private const string Header = """
        /* Discogsography.NET DTOs for TypeScript, generated from Discogsography.ServiceModel. Do not edit:
           fetch GET /types/typescript from the API, or run `Discogsography.Host typescript --out dtos.ts`. */

        /** A request whose successful answer is a T. */
        export interface IReturn<T> {
            getTypeName(): string;
            getMethod(): string;
            getRoute(): string;
            readonly __responseType?: T;
        }

        /** The data fields of a request class: what its constructor takes (required ones must be given). */
        export type Fields<T> = { [K in keyof T as K extends "__responseType" ? never : T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

        """;

    /// <summary>The module for every routed request DTO of <paramref name="contracts"/>.</summary>
    public static string Generate(Assembly contracts)
    {
        var requests = contracts.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IReturn).IsAssignableFrom(t)
                && t.GetCustomAttributes<RouteAttribute>().Any())
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var mapper = new TsTypeMapper();
        var classes = requests.Select(r => RequestClass(r, mapper)).ToList();
        var output = new StringBuilder(Header);
        output.Append("\n// Types\n\n");
        foreach (var type in EmitInterfaces(mapper))
            output.Append(type).Append('\n');
        output.Append("// Requests\n\n");
        foreach (var request in classes)
            output.Append(request).Append('\n');
        output.Append(ClientSource.Value);
        return output.ToString();
    }

    /// <summary>Interfaces for every referenced type, including those only reachable from other interfaces.</summary>
    private static IEnumerable<string> EmitInterfaces(TsTypeMapper mapper)
    {
        var emitted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (mapper.Referenced.Keys.FirstOrDefault(name => !emitted.ContainsKey(name)) is { } next)
            emitted[next] = Interface(mapper.Referenced[next], mapper);
        return emitted.Values;
    }

    private static string Interface(Type type, TsTypeMapper mapper)
    {
        var text = new StringBuilder($"export interface {type.Name} {{\n");
        foreach (var property in WireProperties(type))
        {
            var (tsType, nullable) = mapper.OfProperty(property);
            var (optional, canBeNull) = Presence(property, nullable);
            text.Append($"    {WireNames.Of(property)}{(optional ? "?" : "")}: {tsType}{(canBeNull ? " | null" : "")};\n");
        }
        return text.Append("}\n").ToString();
    }

    /// <summary>
    /// Whether a response key may be absent (omitted when null, or written only for some kinds: <see cref="WireOptionalAttribute"/>)
    /// and whether a present value may be null.
    /// </summary>
    private static (bool Optional, bool CanBeNull) Presence(PropertyInfo property, bool nullable)
    {
        if (property.GetCustomAttribute<WireOptionalAttribute>() is { } wireOptional)
            return (true, wireOptional.CanBeNull);
        var omittedWhenNull = property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition == JsonIgnoreCondition.WhenWritingNull;
        return (omittedWhenNull, nullable && !omittedWhenNull);
    }

    private static string RequestClass(Type request, TsTypeMapper mapper)
    {
        var route = RequestRoutes.For(request)[0];
        var response = ResponseType(request, mapper);
        var fields = WireProperties(request).ToList();
        var text = new StringBuilder($"/** {route.Verb} {route.Template} */\nexport class {request.Name} implements IReturn<{response}> {{\n");
        foreach (var property in fields)
        {
            var (tsType, nullable) = mapper.OfProperty(property);
            var required = property.GetCustomAttribute<RequiredMemberAttribute>() is not null;
            text.Append($"    declare {WireNames.Of(property)}{(required ? "" : "?")}: {tsType}{(nullable ? " | null" : "")};\n");
        }
        var init = fields.Any(p => p.GetCustomAttribute<RequiredMemberAttribute>() is not null)
            ? $"init: Fields<{request.Name}>" : $"init: Fields<{request.Name}> = {{}}";
        text.Append($"    declare readonly __responseType?: {response};\n");
        text.Append($"    constructor({init}) {{ Object.assign(this, init); }}\n");
        text.Append($"    getTypeName(): string {{ return \"{request.Name}\"; }}\n");
        text.Append($"    getMethod(): string {{ return \"{route.Verb}\"; }}\n");
        text.Append($"    getRoute(): string {{ return \"{route.Template}\"; }}\n");
        return text.Append("}\n").ToString();
    }

    private static string ResponseType(Type request, TsTypeMapper mapper)
    {
        var returns = request.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReturn<>));
        return returns is null ? "void" : mapper.Of(returns.GetGenericArguments()[0]);
    }

    /// <summary>The properties in wire order: by <c>[JsonPropertyOrder]</c>, then base classes' before their subclasses'.</summary>
    private static IEnumerable<PropertyInfo> WireProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0
                && p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .OrderBy(p => p.GetCustomAttribute<JsonPropertyOrderAttribute>()?.Order ?? 0)
            .ThenBy(p => Depth(p.DeclaringType!));

    private static int Depth(Type type) => type.BaseType is { } parent ? 1 + Depth(parent) : 0;

    private static readonly Lazy<string> ClientSource = new(() =>
    {
        using var stream = typeof(TypeScriptGenerator).Assembly.GetManifestResourceStream("TypeScript.JsonApiClient.ts")
                           ?? throw new InvalidOperationException("The TypeScript client source is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    });
}
