using Microsoft.Extensions.Primitives;

namespace Discogsography.Host.Middleware;

/// <summary>
/// CORS exactly as the reference's Starlette CORSMiddleware is configured (REFERENCE-API.md §2.3): all methods
/// and headers, no credentials, max-age 600. Preflights are answered here for any path — 200 <c>OK</c> or 400
/// <c>Disallowed CORS …</c>; simple requests from an allowed origin get the origin echoed and <c>Vary: Origin</c>.
/// </summary>
internal sealed class CorsMiddleware(RequestDelegate next, IReadOnlyList<string> allowedOrigins)
{
    private const string AllowedMethods = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";
    private static readonly HashSet<string> MethodSet = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
    private readonly bool allowAll = allowedOrigins.Contains("*");
    private readonly HashSet<string> origins = new(allowedOrigins, StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin;
        if (StringValues.IsNullOrEmpty(origin))
        {
            await next(context);
            return;
        }
        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            await PreflightAsync(context, origin.ToString());
            return;
        }
        context.Response.OnStarting(() =>
        {
            AddSimpleHeaders(context, origin.ToString());
            return Task.CompletedTask;
        });
        await next(context);
    }

    private bool IsAllowed(string origin) => allowAll || origins.Contains(origin);

    private async Task PreflightAsync(HttpContext context, string origin)
    {
        var request = context.Request.Headers;
        var headers = context.Response.Headers;
        var failures = new List<string>();
        if (!allowAll)
            headers.Vary = "Origin";
        if (!IsAllowed(origin))
            failures.Add("origin");
        else
            headers.AccessControlAllowOrigin = allowAll ? "*" : origin;
        if (!MethodSet.Contains(request.AccessControlRequestMethod.ToString()))
            failures.Add("method");
        headers.AccessControlAllowMethods = AllowedMethods;
        headers.AccessControlMaxAge = "600";
        if (request.ContainsKey("Access-Control-Request-Headers"))
            headers.AccessControlAllowHeaders = request.AccessControlRequestHeaders;
        context.Response.StatusCode = failures.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(failures.Count == 0 ? "OK" : "Disallowed CORS " + string.Join(", ", failures),
            context.RequestAborted);
    }

    private void AddSimpleHeaders(HttpContext context, string origin)
    {
        var headers = context.Response.Headers;
        if (allowAll && !context.Request.Headers.ContainsKey("Cookie"))
        {
            headers.AccessControlAllowOrigin = "*";
            return;
        }
        if (!IsAllowed(origin))
            return;
        headers.AccessControlAllowOrigin = origin;
        headers.Vary = StringValues.Concat(headers.Vary, "Origin");
    }
}
