using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Discogsography.Host.OpenApi;

/// <summary>Creates schemas with the framework's JSON-schema exporter (honouring the wire JSON options) and registers
/// DTOs as components.</summary>
internal sealed class SchemaRegistry(OpenApiDocument document, OpenApiDocumentTransformerContext context,
    CancellationToken cancellationToken)
{
    private readonly HashSet<Type> registered = [];

    /// <summary>A <c>$ref</c> to the component schema of <paramref name="type"/>, registering it on first use.</summary>
    public async Task<IOpenApiSchema> ReferenceAsync(Type type)
    {
        if (registered.Add(type))
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        return new OpenApiSchemaReference(type.Name, document);
    }

    /// <summary>An inline schema for a parameter's type.</summary>
    public Task<OpenApiSchema> InlineAsync(Type type) => context.GetOrCreateSchemaAsync(type, null, cancellationToken);
}
