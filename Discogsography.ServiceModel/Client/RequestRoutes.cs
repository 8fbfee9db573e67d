using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.ServiceModel;

/// <summary>A route of a request DTO, with the properties its path variables bind to.</summary>
/// <param name="Template">The route template, e.g. <c>/api/node/{node_id}</c>.</param>
/// <param name="Verbs">The verbs it answers.</param>
/// <param name="PathVariables">Wire names of the template's variables, in order.</param>
public sealed record RequestRoute(string Template, IReadOnlyList<string> Verbs, IReadOnlyList<string> PathVariables)
{
    /// <summary>The first verb: the one a client sends.</summary>
    public string Verb => Verbs[0];

    /// <summary>True for verbs whose inputs travel in a JSON body rather than the query string.</summary>
    public static bool HasBody(string verb) => verb is "POST" or "PUT" or "PATCH";
}

/// <summary>A bindable property of a request DTO under its wire name.</summary>
/// <param name="WireName">The snake_case (or <c>[JsonPropertyName]</c>) name.</param>
/// <param name="Property">The CLR property.</param>
public sealed record WireProperty(string WireName, PropertyInfo Property);

/// <summary>Reads a request DTO type's <see cref="RouteAttribute"/>s once and caches them.</summary>
public static partial class RequestRoutes
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<RequestRoute>> Cache = new();
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<WireProperty>> PropertyCache = new();

    /// <summary>The routes of <paramref name="requestType"/>; throws when it declares none.</summary>
    public static IReadOnlyList<RequestRoute> For(Type requestType) => Cache.GetOrAdd(requestType, Read);

    /// <summary>The public read/write properties of a DTO with their wire names.</summary>
    public static IReadOnlyList<WireProperty> PropertiesOf(Type dtoType) => PropertyCache.GetOrAdd(dtoType, type =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p is { CanRead: true, CanWrite: true } && p.GetIndexParameters().Length == 0)
            .Select(p => new WireProperty(WireNames.Of(p), p))
            .ToArray());

    /// <summary>The variable names of a route template, e.g. <c>node_id</c> in <c>/api/node/{node_id}</c>.</summary>
    public static IReadOnlyList<string> VariablesOf(string template) =>
        PathVariable().Matches(template).Select(m => m.Groups[1].Value).ToArray();

    private static IReadOnlyList<RequestRoute> Read(Type requestType)
    {
        var routes = requestType.GetCustomAttributes<RouteAttribute>()
            .Select(r => new RequestRoute(r.Path, r.VerbList, VariablesOf(r.Path)))
            .ToArray();
        return routes.Length > 0
            ? routes
            : throw new InvalidOperationException($"{requestType.Name} has no [Route]: every request DTO declares its route.");
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex PathVariable();
}
