using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Types;
using FluentValidation;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>
/// Binds a request DTO and runs its FluentValidation validator (when one is registered), reporting binding
/// errors and validator failures together in field order, the way Pydantic runs field validators.
/// </summary>
internal static partial class RequestValidation
{
    /// <summary>
    /// Binds the DTO (<see cref="RequestBinder.BindFields"/>), then runs <paramref name="validator"/> over it; the bound,
    /// valid DTO, or <see cref="RequestValidationException"/> with every problem of both.
    /// </summary>
    public static async Task<object> BindAndValidateAsync(Operation operation, IValidator? validator, HttpContext context, RequestBody body)
    {
        var errors = new List<ValidationErrorItem>();
        var request = RequestBinder.BindFields(operation, context, body, errors);
        if (validator is not null)
            await AddValidatorFailuresAsync(operation, context, validator, request, errors);
        if (errors.Count > 0)
            throw new RequestValidationException(InFieldOrder(operation.Request, errors));
        return request;
    }

    private static async Task AddValidatorFailuresAsync(
        Operation operation, HttpContext context, IValidator validator, object request, List<ValidationErrorItem> errors)
    {
        var result = await validator.ValidateAsync(new ValidationContext<object>(request), context.RequestAborted);
        var failedFields = errors.Select(TopField).ToHashSet();
        var source = RequestRoute.HasBody(context.Request.Method) ? "body" : "query";
        foreach (var failure in result.Errors)
        {
            var path = WirePath(operation.RequestType, failure.PropertyName);
            if (failedFields.Contains(path.FirstOrDefault() as string))
                continue;
            var top = path.FirstOrDefault() as string;
            var origin = operation.Request.PathFields.Any(f => f.WireName == top) ? "path" : source;
            var loc = FieldLocation.Of([origin, .. path]);
            errors.Add(ValidationErrors.ValueError(loc, InputOf(failure.AttemptedValue), failure.ErrorMessage));
        }
    }

    /// <summary>
    /// A validator's property path as the wire names it, each property through its own wire name (a
    /// <c>[JsonPropertyName]</c> included): <c>Nodes[0].CenterId</c> → <c>["nodes", 0, "center_id"]</c>.
    /// </summary>
    private static object[] WirePath(Type requestType, string propertyName)
    {
        var path = new List<object>();
        var type = (Type?)requestType;
        foreach (var segment in propertyName.Length == 0 ? [] : propertyName.Split('.'))
        {
            var match = Indexed().Match(segment);
            var name = match.Success ? match.Groups[1].Value : segment;
            var property = type?.GetProperty(name);
            path.Add(property is null
                ? JsonNamingPolicy.SnakeCaseLower.ConvertName(name) : ServiceModel.Serialization.WireNames.Of(property));
            type = property?.PropertyType;
            if (!match.Success)
                continue;
            path.Add(int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            type = type is null ? null : ElementTypeOf(type);
        }
        return [.. path];
    }

    private static Type? ElementTypeOf(Type collection) =>
        collection.IsArray ? collection.GetElementType()
        : collection.GetInterfaces().Append(collection).FirstOrDefault(i => i.IsGenericType
            && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static JsonNode? InputOf(object? value) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), ServiceModel.Serialization.WireJson.Options);

    private static string? TopField(ValidationErrorItem error) => error.Loc.Count > 1 ? error.Loc[1]?.ToString() : null;

    private static ValidationErrorItem[] InFieldOrder(RequestShape shape, List<ValidationErrorItem> errors) =>
        errors.Select((error, index) => (error, index))
            .OrderBy(e => SourceRank(e.error))
            .ThenBy(e => TopField(e.error) is { } field && shape.FieldOrder.TryGetValue(field, out var order) ? order : -1)
            .ThenBy(e => e.index)
            .Select(e => e.error)
            .ToArray();

    private static int SourceRank(ValidationErrorItem error) => error.Loc.FirstOrDefault()?.ToString() switch
    {
        "path" => 0,
        "query" => 1,
        _ => 2,
    };

    [GeneratedRegex(@"^(.+)\[(\d+)\]$")]
    private static partial Regex Indexed();
}
