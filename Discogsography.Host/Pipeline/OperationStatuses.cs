using System.Reflection;
using Discogsography.ServiceModel;

namespace Discogsography.Host.Pipeline;

/// <summary>
/// Every error status an operation can answer, and when: those its policies produce (authentication, roles and app
/// token scopes, the body, validation, rate limits, dependencies) and those its request DTO declares with
/// <see cref="ErrorResponseAttribute"/>. OpenAPI documents exactly these; <see cref="Middleware.UndocumentedStatusMonitor"/> logs
/// any other.
/// </summary>
internal static class OperationStatuses
{
    public static IReadOnlyDictionary<int, string> ErrorsOf(Operation operation)
    {
        var errors = new SortedDictionary<int, string>();
        foreach (var declared in operation.RequestType.GetCustomAttributes<ErrorResponseAttribute>())
            Add(errors, declared.Status, declared.Description);
        if (operation.Request.Type.Fields.Count > 0)
            Add(errors, StatusCodes.Status422UnprocessableEntity, "A field is missing or invalid (FastAPI's validation error list)");
        if (operation.Verbs.Any(ServiceModel.RequestRoute.HasBody) && operation.Request.OtherFields.Count > 0)
        {
            Add(errors, StatusCodes.Status400BadRequest, "The body holds bytes that are not UTF-8");
            Add(errors, StatusCodes.Status413PayloadTooLarge, "The body is larger than the server accepts");
        }
        if (operation.Auth.Mode == AuthMode.Required)
            Add(errors, StatusCodes.Status401Unauthorized,
                $"No bearer token (\"{operation.Auth.MissingCredentialsMessage}\"), or an invalid, expired or revoked one");
        foreach (var role in operation.Auth.Roles)
            Add(errors, StatusCodes.Status403Forbidden, role.DeniedMessage);
        if (operation.Auth.AppTokenScopes.Count > 0)
            Add(errors, StatusCodes.Status403Forbidden,
                $"An app token without the scope {string.Join(", ", operation.Auth.AppTokenScopes)}");
        if (operation.RateLimits.Count > 0)
            Add(errors, StatusCodes.Status429TooManyRequests,
                $"Rate limit exceeded ({string.Join("; ", operation.RateLimits.Select(Describe))}); see Retry-After");
        Add(errors, StatusCodes.Status503ServiceUnavailable,
            "A dependency (PostgreSQL, Redis) is unavailable or misconfigured; see Retry-After");
        return errors;
    }

    private static string Describe(ScopedRateLimit limit) => limit.Scope switch
    {
        RateLimitScope.User => $"{limit.Rule} per user",
        RateLimitScope.AppToken => $"{limit.Rule} per app token",
        _ => $"{limit.Rule} per client IP",
    };

    private static void Add(SortedDictionary<int, string> errors, int status, string description) =>
        errors[status] = errors.TryGetValue(status, out var existing) ? $"{existing}; {description}" : description;
}
