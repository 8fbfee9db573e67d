namespace Discogsography.ServiceModel;

/// <summary>Groups a request DTO under a tag in the OpenAPI document (see <see cref="Tags"/>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TagAttribute(string name) : Attribute
{
    /// <summary>The tag name.</summary>
    public string Name { get; } = name;
}
