namespace Discogsography.ServiceModel;

/// <summary>
/// An error status the service behind a route can answer, with when: documented in OpenAPI beside the statuses the
/// route's policies produce (401, 403, 413, 422, 429, 503). A status a route answers without declaring it is logged.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ErrorResponseAttribute(int status, string description) : Attribute
{
    public int Status { get; } = status;

    public string Description { get; } = description;
}
