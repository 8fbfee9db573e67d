using Discogsography.Host.Pipeline;
using Discogsography.ServiceModel.Types;
using Microsoft.OpenApi;

namespace Discogsography.Host.OpenApi;

/// <summary>
/// The responses an operation documents: its success body, and every error status of <see cref="OperationStatuses"/>
/// with its body — FastAPI's validation list for 422, <c>{"detail"}</c> or <c>{"error"}</c> (the route's style) for
/// the rest — and <c>Retry-After</c> on 429 and 503.
/// </summary>
internal static class OperationResponses
{
    public static async Task<OpenApiResponses> DescribeAsync(Operation operation, SchemaRegistry schemas)
    {
        var responses = new OpenApiResponses();
        var success = operation.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        responses[success] = operation.ResponseType is { } type
            ? new OpenApiResponse { Description = "Success", Content = Json(await schemas.ReferenceAsync(type)) }
            : new OpenApiResponse { Description = "Success, no body" };
        foreach (var (status, description) in OperationStatuses.ErrorsOf(operation))
        {
            var response = new OpenApiResponse { Description = description,
                Content = Json(await schemas.ReferenceAsync(BodyOf(operation, status))) };
            if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                };
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }
        return responses;
    }

    /// <summary>Authentication and the body parser answer <c>{"detail"}</c> and rate limits <c>{"error"}</c> on every
    /// route; the rest follow the route.</summary>
    private static Type BodyOf(Operation operation, int status) => status switch
    {
        StatusCodes.Status422UnprocessableEntity => typeof(ValidationErrorResponse),
        StatusCodes.Status400BadRequest or StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
            or StatusCodes.Status413PayloadTooLarge => typeof(DetailMessage),
        StatusCodes.Status429TooManyRequests => typeof(ErrorMessage),
        _ => operation.ErrorStyle == ServiceModel.ErrorBodyStyle.Error ? typeof(ErrorMessage) : typeof(DetailMessage),
    };

    private static Dictionary<string, OpenApiMediaType> Json(IOpenApiSchema schema) =>
        new() { ["application/json"] = new() { Schema = schema } };
}
