using Discogsography.ServiceModel;

namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>
/// What a service throws to answer with an error status. The body is <c>{"detail": message}</c> or
/// <c>{"error": message}</c> following the route's <see cref="ErrorBodyAttribute"/> unless the error fixes its
/// own style, or a custom <see cref="Body"/>. One mapper in the Host writes it.
/// </summary>
public sealed class HttpError : Exception
{
    private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);

    private HttpError(int statusCode, string message, ErrorBodyStyle? style, object? body) : base(message)
    {
        StatusCode = statusCode;
        Style = style;
        Body = body;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The body key, or null to follow the route's style.</summary>
    public ErrorBodyStyle? Style { get; }

    /// <summary>A complete custom body, serialized as-is instead of the one-key message body.</summary>
    public object? Body { get; }

    /// <summary>Extra response headers (<c>WWW-Authenticate</c>, <c>Retry-After</c>, <c>Allow</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers => headers;

    public static HttpError BadRequest(string message) => new(400, message, null, null);
    public static HttpError Unauthorized(string message) => new(401, message, null, null);
    public static HttpError Forbidden(string message) => new(403, message, null, null);
    public static HttpError NotFound(string message) => new(404, message, null, null);
    public static HttpError Conflict(string message) => new(409, message, null, null);
    public static HttpError PayloadTooLarge(string message) => new(413, message, null, null);
    public static HttpError UnprocessableEntity(string message) => new(422, message, null, null);
    public static HttpError TooManyRequests(string message) => new(429, message, null, null);
    public static HttpError InternalServerError(string message) => new(500, message, null, null);
    public static HttpError BadGateway(string message) => new(502, message, null, null);
    public static HttpError ServiceUnavailable(string message) => new(503, message, null, null);

    /// <summary>An error with any status and a one-key body in a fixed style.</summary>
    public static HttpError Status(int statusCode, string message, ErrorBodyStyle style) => new(statusCode, message, style, null);

    /// <summary>An error whose whole body is <paramref name="body"/> (e.g. the sync cooldown's <c>{"status","message"}</c>).</summary>
    public static HttpError WithBody(int statusCode, object body, string message) => new(statusCode, message, null, body);

    /// <summary>The same error with a fixed body style, whatever the route's.</summary>
    public HttpError As(ErrorBodyStyle style)
    {
        var copy = new HttpError(StatusCode, Message, style, Body);
        foreach (var (name, value) in headers)
            copy.headers[name] = value;
        return copy;
    }

    /// <summary>Adds a response header.</summary>
    public HttpError WithHeader(string name, string value)
    {
        headers[name] = value;
        return this;
    }

    /// <summary>Adds <c>WWW-Authenticate: Bearer</c>, as FastAPI's HTTPBearer does on 401s.</summary>
    public HttpError WithBearerChallenge() => WithHeader("WWW-Authenticate", "Bearer");
}
