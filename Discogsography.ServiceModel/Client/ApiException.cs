using System.Net;

namespace Discogsography.ServiceModel;

/// <summary>One field-level problem of a 422 response, as a client sees it.</summary>
/// <param name="Location">Where the field came from: <c>body</c>, <c>query</c> or <c>path</c>.</param>
/// <param name="Field">Dotted field path below the location (<c>email</c>, <c>nodes.0.id</c>); empty for the whole body.</param>
/// <param name="ErrorType">Pydantic error type, e.g. <c>missing</c> or <c>string_too_short</c>.</param>
/// <param name="Message">Human-readable message.</param>
public sealed record FieldError(string Location, string Field, string ErrorType, string Message);

/// <summary>
/// A non-success response turned into a typed error: the status, the message from the body's
/// <c>detail</c>/<c>error</c> key, and field errors for validation failures.
/// </summary>
public sealed class ApiException(
    HttpStatusCode statusCode,
    string errorMessage,
    IReadOnlyList<FieldError> fieldErrors,
    string responseBody,
    TimeSpan? retryAfter)
    : Exception($"{(int)statusCode} {statusCode}: {errorMessage}")
{
    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The message the server gave (<c>detail</c>, <c>error</c> or <c>message</c>), or the reason phrase.</summary>
    public string ErrorMessage { get; } = errorMessage;

    /// <summary>Field-level problems of a 422 validation failure; empty otherwise.</summary>
    public IReadOnlyList<FieldError> FieldErrors { get; } = fieldErrors;

    /// <summary>The raw response body.</summary>
    public string ResponseBody { get; } = responseBody;

    /// <summary>The <c>Retry-After</c> delay of a 429 or 503, when the server sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
