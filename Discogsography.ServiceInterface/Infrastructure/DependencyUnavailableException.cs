namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>
/// A backing service (PostgreSQL, Redis, Discogs) cannot be reached or timed out. Answered 503 naming the
/// dependency, with <c>Retry-After</c>, and logged — never a hang or a 500.
/// </summary>
public class DependencyUnavailableException(string dependency, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The dependency's display name, e.g. <c>PostgreSQL</c> or <c>Redis</c>.</summary>
    public string Dependency { get; } = dependency;
}
