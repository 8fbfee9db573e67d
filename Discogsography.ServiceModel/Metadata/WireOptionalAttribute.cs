namespace Discogsography.ServiceModel;

/// <summary>
/// The key is absent from some answers: a type with its own JSON converter writes it only for some kinds (a
/// release's <c>year</c>, a counted child's <c>release_count</c>). The TypeScript DTOs mark it optional.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class WireOptionalAttribute : Attribute
{
    /// <summary>When present, the value may still be <c>null</c> (an undated release's <c>year</c>).</summary>
    public bool CanBeNull { get; init; }
}
