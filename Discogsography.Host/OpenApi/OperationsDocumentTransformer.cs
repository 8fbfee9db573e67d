using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Discogsography.Host.Pipeline;
using Discogsography.Host.Pipeline.Binding;
using Discogsography.ServiceModel.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Discogsography.Host.OpenApi;

/// <summary>
/// Writes the OpenAPI document from the same <see cref="OperationCatalog"/> the Host routes with: one operation
/// per DTO and verb, path and query parameters from the DTO's fields (with their bounds and defaults), the body
/// and response schemas from the DTO types, bearer security where the route authenticates.
/// </summary>
internal sealed class OperationsDocumentTransformer(OperationCatalog operationCatalog) : IOpenApiDocumentTransformer
{
    private const string BearerScheme = "bearer";

    private static readonly XmlDocumentation Docs = XmlDocumentation.For(typeof(ServiceModel.Login).Assembly);

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Discogsography API",
            Version = "0.1.0",
            Description = "Accounts, Discogs OAuth, catalogue exploration, collection sync and snapshots. Wire-compatible with the Python Discogsography API.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "The access_token from POST /api/auth/login",
        };
        document.Paths ??= [];
        var schemas = new SchemaRegistry(document, context, cancellationToken);
        foreach (var operation in operationCatalog.Operations)
        {
            if (!document.Paths.TryGetValue(operation.Route.Template, out var item))
                document.Paths[operation.Route.Template] = item = new OpenApiPathItem();
            foreach (var verb in operation.Verbs)
                ((OpenApiPathItem)item).AddOperation(new HttpMethod(verb), await DescribeAsync(document, operation, verb, schemas));
        }
        document.Tags = operationCatalog.Operations.Select(o => o.Tag).OfType<string>().Distinct().Order()
            .Select(t => new OpenApiTag { Name = t }).ToHashSet();
    }

    private static async Task<OpenApiOperation> DescribeAsync(OpenApiDocument document, Operation operation, string verb,
        SchemaRegistry schemas)
    {
        var text = Docs.Of(operation.RequestType);
        var description = new OpenApiOperation
        {
            OperationId = operation.Verbs.Count > 1 ? $"{operation.Name}_{verb}" : operation.Name,
            Summary = text is null ? operation.RequestType.Name : XmlDocumentation.FirstSentence(text),
            Description = text,
            Parameters = await ParametersAsync(operation, verb, schemas),
            Responses = await OperationResponses.DescribeAsync(operation, schemas),
        };
        if (operation.Tag is { } tag)
            description.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
        if (ServiceModel.RequestRoute.HasBody(verb) && operation.Request.OtherFields.Count > 0)
            description.RequestBody = new OpenApiRequestBody
            {
                Required = operation.Request.OtherFields.Any(f => f.IsRequired),
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = await schemas.ReferenceAsync(operation.RequestType) } },
            };
        if (operation.Auth.Mode != AuthMode.Anonymous)
            description.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
        // OpenAPI's way to say "a token is optional": an empty requirement beside the bearer one.
        if (operation.Auth.Mode == AuthMode.Optional)
            description.Security!.Insert(0, new OpenApiSecurityRequirement());
        return description;
    }

    private static async Task<List<IOpenApiParameter>> ParametersAsync(Operation operation, string verb, SchemaRegistry schemas)
    {
        var parameters = new List<IOpenApiParameter>();
        foreach (var field in operation.Request.PathFields)
            parameters.Add(await ParameterAsync(field, ParameterLocation.Path, required: true, operation, schemas));
        if (!ServiceModel.RequestRoute.HasBody(verb))
        {
            foreach (var field in operation.Request.OtherFields)
                parameters.Add(await ParameterAsync(field, ParameterLocation.Query, field.IsRequired, operation, schemas));
        }
        return parameters;
    }

    private static async Task<OpenApiParameter> ParameterAsync(FieldShape field, ParameterLocation location, bool required,
        Operation operation, SchemaRegistry schemas)
    {
        var schema = await schemas.InlineAsync(field.Property.PropertyType);
        if (schema is OpenApiSchema concrete)
            ApplyConstraints(concrete, field, operation);
        var example = field.Property.GetCustomAttribute<ServiceModel.ExampleAttribute>()?.Value;
        return new OpenApiParameter
        {
            Name = field.WireName, In = location, Required = required, Schema = schema, Description = Docs.Of(field.Property),
            Example = example is null ? null : JsonSerializer.SerializeToNode(example, example.GetType(), WireJson.Options),
        };
    }

    private static void ApplyConstraints(OpenApiSchema schema, FieldShape field, Operation operation)
    {
        var c = field.Constraints;
        if (c.Minimum is { } min)
            schema.Minimum = min.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (c.Maximum is { } max && max < int.MaxValue)
            schema.Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (c.MinLength is { } minLength)
            schema.MinLength = minLength;
        if (c.MaxLength is { } maxLength)
            schema.MaxLength = maxLength;
        if (c.Pattern is { } pattern)
            schema.Pattern = pattern;
        if (field.Property.GetCustomAttribute<System.ComponentModel.DataAnnotations.AllowedValuesAttribute>() is { } allowed)
            schema.Enum = [.. allowed.Values.Select(v => (JsonNode)JsonValue.Create(v?.ToString() ?? ""))];
        if (!field.IsRequired && field.Property.GetValue(operation.Request.Type.Create()) is { } defaultValue)
            schema.Default = JsonSerializer.SerializeToNode(defaultValue, defaultValue.GetType(), WireJson.Options)
                ?? JsonValue.Create((string?)null);
    }
}
