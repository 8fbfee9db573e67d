using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;
using Discogsography.ServiceModel.Types;
using Npgsql;

namespace Discogsography.Host.Pipeline;

/// <summary>
/// Maps every exception to the reference's bodies: <see cref="HttpError"/> to <c>{"detail"}</c> or <c>{"error"}</c>
/// (the route's style unless the error fixes one), validation failures to the FastAPI 422 list, an unreachable
/// PostgreSQL or Redis to a logged 503 with <c>Retry-After</c>, and anything else to a logged JSON 500 without
/// a stack trace.
/// </summary>
internal sealed partial class ErrorResponseWriter(ILogger<ErrorResponseWriter> logger)
{
    private const string RetryAfterSeconds = "5";

    public Task WriteAsync(HttpContext context, Exception exception)
    {
        context.Response.Clear();
        var style = context.GetEndpoint()?.Metadata.GetMetadata<Operation>()?.ErrorStyle ?? ErrorBodyStyle.Detail;
        return exception switch
        {
            HttpError error => WriteHttpErrorAsync(context, error, style),
            RequestValidationException invalid => WriteBodyAsync(context, StatusCodes.Status422UnprocessableEntity,
                new ValidationErrorResponse { Detail = [.. invalid.Errors] }, typeof(ValidationErrorResponse)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                WriteHttpErrorAsync(context, Middleware.RequestSizeLimitMiddleware.TooLarge(), ErrorBodyStyle.Detail),
            BadHttpRequestException bad => WriteMessageAsync(context, bad.StatusCode, "Bad request", ErrorBodyStyle.Detail),
            DependencyUnavailableException down => WriteUnavailableAsync(context, down.Dependency, down.Message, style),
            ServiceMisconfiguredException misconfigured => WriteMisconfiguredAsync(context, misconfigured, style),
            NpgsqlException db when IsUnavailable(db) => WriteUnavailableAsync(context, "PostgreSQL", db.Message, style),
            PostgresException { SqlState: var state } data when state.StartsWith("22", StringComparison.Ordinal) =>
                WriteDataErrorAsync(context, data),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => Task.CompletedTask,
            _ => WriteUnhandledAsync(context, exception),
        };
    }

    /// <summary>Connection failures, timeouts and server shutdowns are outages; SQL errors are bugs.</summary>
    private static bool IsUnavailable(NpgsqlException e) => e is not PostgresException || e.IsTransient;

    private Task WriteHttpErrorAsync(HttpContext context, HttpError error, ErrorBodyStyle routeStyle)
    {
        foreach (var (name, value) in error.Headers)
            context.Response.Headers[name] = value;
        return error.Body is { } body
            ? WriteBodyAsync(context, error.StatusCode, body, body.GetType())
            : WriteMessageAsync(context, error.StatusCode, error.Message, error.Style ?? routeStyle);
    }

    private Task WriteUnavailableAsync(HttpContext context, string dependency, string reason, ErrorBodyStyle style)
    {
        LogUnavailable(logger, dependency, context.Request.Method, context.Request.Path, reason);
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return WriteMessageAsync(context, StatusCodes.Status503ServiceUnavailable, $"{dependency} is unavailable; try again shortly",
            style);
    }

    /// <summary>
    /// A value PostgreSQL refused (class 22: too long, out of range, malformed): the request's fault, so a 422, and a
    /// missing validation to add, so a warning. Every field is checked before it gets here; this is the net below.
    /// </summary>
    private Task WriteDataErrorAsync(HttpContext context, PostgresException error)
    {
        LogDataError(logger, error.SqlState, context.Request.Method, context.Request.Path, error.MessageText);
        return WriteMessageAsync(context, StatusCodes.Status422UnprocessableEntity, "A value is too long or not valid for this field",
            ErrorBodyStyle.Detail);
    }

    private Task WriteMisconfiguredAsync(HttpContext context, ServiceMisconfiguredException error, ErrorBodyStyle style)
    {
        LogMisconfigured(logger, error.Setting, context.Request.Method, context.Request.Path, error.Message);
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return WriteMessageAsync(context, StatusCodes.Status503ServiceUnavailable,
            $"The server is misconfigured ({error.Setting}); an operator has been told", style);
    }

    private Task WriteUnhandledAsync(HttpContext context, Exception exception)
    {
        LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        return WriteMessageAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error", ErrorBodyStyle.Detail);
    }

    private static Task WriteMessageAsync(HttpContext context, int status, string message, ErrorBodyStyle style) =>
        WriteBodyAsync(context, status, new Dictionary<string, string> { [style == ErrorBodyStyle.Error ? "error" : "detail"] = message },
            typeof(Dictionary<string, string>));

    private static Task WriteBodyAsync(HttpContext context, int status, object body, Type type)
    {
        context.Response.StatusCode = status;
        return JsonResponse.WriteAsync(context.Response, body, type);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dependency} unavailable while answering {Method} {Path}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string dependency, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Misconfigured ({Setting}) while answering {Method} {Path}: {Reason}")]
    private static partial void LogMisconfigured(ILogger logger, string setting, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL refused a value ({SqlState}) while answering {Method} {Path}: {Reason}")]
    private static partial void LogDataError(ILogger logger, string sqlState, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error while answering {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
