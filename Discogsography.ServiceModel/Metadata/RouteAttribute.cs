namespace Discogsography.ServiceModel;

/// <summary>
/// The path and verbs a request DTO is served on. The route lives only here: the Host maps it, the
/// OpenAPI document and the TypeScript DTOs describe it, and <see cref="JsonApiClient"/> sends to it.
/// Path variables are written in braces with their wire (snake_case) names, e.g. <c>/api/node/{node_id}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RouteAttribute(string path, string verbs) : Attribute
{
    /// <summary>The route template, starting with <c>/</c>.</summary>
    public string Path { get; } = path;

    /// <summary>Comma-separated HTTP verbs, upper case (<c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>DELETE</c>, <c>PATCH</c>).</summary>
    public string Verbs { get; } = verbs;

    /// <summary>The verbs as a list.</summary>
    public IReadOnlyList<string> VerbList =>
        Verbs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.ToUpperInvariant()).ToArray();
}
