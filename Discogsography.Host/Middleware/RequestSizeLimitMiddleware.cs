using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;

namespace Discogsography.Host.Middleware;

/// <summary>
/// The one place a body that is too large is refused: a declared length over the limit here, on every route, before
/// anything reads it; a body without a length is cut off by Kestrel at the same limit while it is read, and the error
/// writer answers that with <see cref="TooLarge"/> too.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    /// <summary>Largest request body accepted (1 MB).</summary>
    public const long MaxBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context) => context.Request.ContentLength > MaxBytes ? throw TooLarge() : next(context);

    /// <summary>The JSON 413 for a body over <see cref="MaxBytes"/>.</summary>
    public static HttpError TooLarge() =>
        HttpError.PayloadTooLarge($"Request body too large: the limit is {MaxBytes} bytes").As(ErrorBodyStyle.Detail);
}
