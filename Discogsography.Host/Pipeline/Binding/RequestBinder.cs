using System.Text.Json;
using System.Text.Json.Nodes;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Types;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>
/// Fills a request DTO from the path, then the query string (GET/DELETE) or the JSON body (POST/PUT/PATCH),
/// collecting every problem into one FastAPI-shaped 422.
/// </summary>
internal static class RequestBinder
{
    /// <summary>Fills the DTO of <paramref name="operation"/> from the request; every problem goes to <paramref name="errors"/>.</summary>
    public static object BindFields(Operation operation, HttpContext context, RequestBody body, List<ValidationErrorItem> errors)
    {
        var shape = operation.Request;
        var request = shape.Type.Create();
        BindPath(shape, context, request, errors);
        if (RequestRoute.HasBody(context.Request.Method))
            BindBody(shape, body, request, errors);
        else
            BindQuery(shape, context.Request.Query, request, errors);
        return request;
    }

    private static void BindPath(RequestShape shape, HttpContext context, object request, List<ValidationErrorItem> errors)
    {
        if (shape.PathFields.Count == 0)
            return;
        var segments = RawPathSegments(context);
        foreach (var field in shape.PathFields)
        {
            var index = shape.PathSegmentOf[field.WireName];
            var text = index < segments.Length
                ? Uri.UnescapeDataString(segments[index])
                : context.Request.RouteValues[field.WireName]?.ToString() ?? "";
            BindText(field, text, FieldLocation.Of("path", field.WireName), request, errors);
        }
    }

    /// <summary>
    /// The path as the client sent it, split on <c>/</c>. Routing leaves <c>%2F</c> encoded in route values (and
    /// decodes <c>%25</c>, so the two cannot be told apart there); decoding each raw segment once gives
    /// <c>AC/DC</c> for <c>AC%2FDC</c> and <c>a%2F</c> for <c>a%252F</c>.
    /// </summary>
    private static string[] RawPathSegments(HttpContext context)
    {
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget
            ?? context.Request.Path.Value ?? "";
        var query = raw.IndexOf('?');
        return (query >= 0 ? raw[..query] : raw).Split('/');
    }

    private static void BindQuery(RequestShape shape, IQueryCollection query, object request, List<ValidationErrorItem> errors)
    {
        foreach (var field in shape.OtherFields)
        {
            var loc = FieldLocation.Of("query", field.WireName);
            var values = query[field.WireName];
            if (values.Count == 0)
            {
                if (field.IsRequired)
                    errors.Add(ValidationErrors.Missing(loc, null));
            }
            else if (field.Shape.Kind == WireKind.List)
                BindList(field, values.Select(v => v ?? "").ToArray(), loc, request, errors);
            else
                BindText(field, values[^1] ?? "", loc, request, errors);
        }
    }

    private static void BindText(FieldShape field, string text, FieldLocation loc, object request, List<ValidationErrorItem> errors)
    {
        if (ScalarParser.TryParse(field.Shape, text, field.Constraints, loc, errors, out var value))
            field.Set(request, value);
    }

    private static void BindList(FieldShape field, string[] texts, FieldLocation loc, object request, List<ValidationErrorItem> errors)
    {
        var list = field.Shape.Create();
        var before = errors.Count;
        for (var i = 0; i < texts.Length; i++)
        {
            var itemLoc = loc.Then(i);
            if (ScalarParser.TryParse(field.Shape.Element!, texts[i], Constraints.None, itemLoc, errors, out var item))
                TypeShape.AddToList(list, item);
        }
        ConstraintChecker.Check(field.Constraints, list, new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()), loc,
            errors);
        if (errors.Count == before)
            field.Set(request, list);
    }

    private static void BindBody(RequestShape shape, RequestBody body, object request, List<ValidationErrorItem> errors)
    {
        if (shape.OtherFields.Count == 0)
            return;
        if (body.RawText is { } text)
        {
            errors.Add(ValidationErrors.ModelAttributesType(FieldLocation.Of("body"), JsonValue.Create(text)));
            return;
        }
        if (body.Json is not { } json)
        {
            if (shape.OtherFields.Any(f => f.IsRequired))
                errors.Add(ValidationErrors.Missing(FieldLocation.Of("body"), null));
            return;
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationErrors.ModelAttributesType(FieldLocation.Of("body"), JsonBodyBinder.NodeOf(json)));
            return;
        }
        JsonBodyBinder.BindFields(shape.OtherFields, request, json, FieldLocation.Of("body"), errors);
    }
}
