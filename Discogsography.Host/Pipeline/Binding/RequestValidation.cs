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
    /// <summary>The bound, valid DTO; otherwise throws <see cref="RequestValidationException"/>.</summary>
    public static async Task<object> BindAsync(Operation operation, HttpContext context, RequestBody body)
    {
        var errors = new List<ValidationErrorItem>();
        var request = RequestBinder.Bind(operation, context, body, errors);
        if (context.RequestServices.GetService(operation.ValidatorType) is IValidator validator)
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
            var path = WirePath(failure.PropertyName);
            if (failedFields.Contains(path.FirstOrDefault() as string))
                continue;
            var top = path.FirstOrDefault() as string;
            var origin = operation.Request.PathFields.Any(f => f.WireName == top) ? "path" : source;
            var loc = ValidationErrors.Loc([origin, .. path]);
            errors.Add(ValidationErrors.ValueError(loc, InputOf(failure.AttemptedValue), failure.ErrorMessage));
        }
    }

    /// <summary><c>Nodes[0].CenterId</c> → <c>["nodes", 0, "center_id"]</c>.</summary>
    private static object[] WirePath(string propertyName) =>
        propertyName.Length == 0
            ? []
            : propertyName.Split('.').SelectMany(SegmentParts).ToArray();

    private static IEnumerable<object> SegmentParts(string segment)
    {
        var match = Indexed().Match(segment);
        if (!match.Success)
        {
            yield return JsonNamingPolicy.SnakeCaseLower.ConvertName(segment);
            yield break;
        }
        yield return JsonNamingPolicy.SnakeCaseLower.ConvertName(match.Groups[1].Value);
        yield return int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonNode? InputOf(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), ServiceModel.Serialization.WireJson.Options);

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
