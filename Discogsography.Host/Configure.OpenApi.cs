using Discogsography.Host.OpenApi;
using Discogsography.ServiceModel.Serialization;

namespace Discogsography.Host;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, built from the DTO metadata, and Swagger UI at
/// <c>/docs</c> (where <c>/</c> leads).</summary>
internal static class ConfigureOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";

    public static void AddOpenApiDocument(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => WireJson.Apply(o.SerializerOptions));
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = _ => false;
            options.AddDocumentTransformer<OperationsDocumentTransformer>();
            options.AddSchemaTransformer<WireSchemaTransformer>();
        });
    }

    public static void MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        // Someone who opens the API's address in a browser lands on its documentation.
        app.MapGet("/", () => Results.Redirect("/docs", permanent: false));
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.DocumentTitle = "Discogsography API";
            options.SwaggerEndpoint(DocumentPath, "Discogsography API 0.1.0");
        });
    }
}
