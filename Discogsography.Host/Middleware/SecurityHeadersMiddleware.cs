namespace Discogsography.Host.Middleware;

/// <summary>
/// The reference's four security headers (REFERENCE-API.md §2.2) on every response — errors, preflights and
/// 500s included (the reference leaves them off its unhandled 500s; we do not).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "geolocation=(), microphone=(), camera=()";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
