using Discogsography.Host.Pipeline;
using Microsoft.AspNetCore.Routing.Template;

namespace Discogsography.Host.Middleware;

/// <summary>
/// Like Starlette's <c>redirect_slashes</c>, answers a known path with a trailing slash with a 307 to the path
/// without it (ASP.NET routing would silently match it); and gives the framework's own empty 404 and 405
/// responses the reference's JSON bodies (<c>{"detail":"Not Found"}</c>, <c>{"detail":"Method Not Allowed"}</c>
/// with <c>Allow</c>).
/// </summary>
internal sealed class FrameworkStatusMiddleware(RequestDelegate next, OperationCatalog operationCatalog)
{
    private readonly TemplateMatcher[] routes = operationCatalog.Operations
        .Select(o => o.Route.Template).Distinct()
        .Select(t => new TemplateMatcher(TemplateParser.Parse(t), new RouteValueDictionary()))
        .ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        if (RedirectTarget(context) is { } location)
        {
            response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            response.Headers.Location = location;
            return;
        }
        await next(context);
        if (response.HasStarted || response.ContentLength > 0 || response.ContentType is not null)
            return;
        var detail = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => "Not Found",
            StatusCodes.Status405MethodNotAllowed => "Method Not Allowed",
            _ => null,
        };
        if (detail is not null)
            await JsonResponse.WriteAsync(response, new Dictionary<string, string> { ["detail"] = detail },
                typeof(Dictionary<string, string>));
    }

    private string? RedirectTarget(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.Length <= 1 || !path.EndsWith('/'))
            return null;
        var trimmed = new PathString(path.TrimEnd('/'));
        if (!routes.Any(r => r.TryMatch(trimmed, new RouteValueDictionary())))
            return null;
        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{trimmed}{request.QueryString}";
    }
}
