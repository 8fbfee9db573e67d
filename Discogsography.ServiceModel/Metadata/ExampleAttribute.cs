namespace Discogsography.ServiceModel;

/// <summary>A value the OpenAPI document shows for this parameter or field.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ExampleAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}
