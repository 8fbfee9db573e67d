using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.Host.Middleware;

/// <summary>
/// Refuses a declared body over the limit on every route with a JSON 413 before anything reads it; bodies
/// without a length are cut off by Kestrel's own limit while they are read.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, long maxBytes)
{
    public Task InvokeAsync(HttpContext context) =>
        context.Request.ContentLength > maxBytes
            ? throw HttpError.PayloadTooLarge($"Request body too large: the limit is {maxBytes} bytes").As(ErrorBodyStyle.Detail)
            : next(context);
}
