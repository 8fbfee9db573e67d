using Discogsography.Host.Pipeline;

namespace Discogsography.Host.Middleware;

/// <summary>The one place exceptions become HTTP responses (see <see cref="ErrorResponseWriter"/>).</summary>
internal sealed class ErrorHandlingMiddleware(RequestDelegate next, ErrorResponseWriter writer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            await writer.WriteAsync(context, e);
        }
    }
}
