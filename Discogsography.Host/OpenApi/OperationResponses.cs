using Discogsography.Host.Pipeline;
using Discogsography.ServiceModel.Types;
using Microsoft.OpenApi;

namespace Discogsography.Host.OpenApi;

/// <summary>The responses an operation documents: its success body and the error statuses its policies can produce.</summary>
internal static class OperationResponses
{
    public static async Task<OpenApiResponses> DescribeAsync(Operation operation, SchemaRegistry schemas)
    {
        var responses = new OpenApiResponses();
        var success = operation.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        responses[success] = operation.ResponseType is { } type
            ? new OpenApiResponse { Description = "Success", Content = Json(await schemas.ReferenceAsync(type)) }
            : new OpenApiResponse { Description = "Success, no body" };
        var validation = new OpenApiResponse { Description = "Validation error", Content = Json(await schemas.ReferenceAsync(typeof(ValidationErrorResponse))) };
        if (operation.Request.Type.Fields.Count > 0)
            responses["422"] = validation;
        if (operation.Auth.Mode == AuthMode.Required)
            responses["401"] = new OpenApiResponse { Description = "Missing, invalid, expired or revoked bearer token" };
        if (operation.Auth.Roles.Count > 0)
            responses["403"] = new OpenApiResponse { Description = string.Join("; ", operation.Auth.Roles.Select(r => r.DeniedMessage)) };
        if (operation.RateLimits.Count > 0)
            responses["429"] = new OpenApiResponse
            {
                Description = $"Rate limit exceeded ({string.Join("; ", operation.RateLimits.Select(l => $"{l.Rule} per {(l.Scope == ServiceModel.RateLimitScope.User ? "user" : "client IP")}"))}); see Retry-After",
            };
        responses["503"] = new OpenApiResponse { Description = "A dependency (PostgreSQL, Redis) is unavailable; see Retry-After" };
        return responses;
    }

    private static Dictionary<string, OpenApiMediaType> Json(IOpenApiSchema schema) => new() { ["application/json"] = new() { Schema = schema } };
}
