namespace Discogsography.ServiceModel;

/// <summary>Which key error bodies of a route use: the reference mixes two styles, per endpoint.</summary>
public enum ErrorBodyStyle
{
    /// <summary><c>{"detail": "..."}</c>: auth, account, OAuth and sync routes (FastAPI's HTTPException).</summary>
    Detail,

    /// <summary><c>{"error": "..."}</c>: explore, user and snapshot routes (hand-built JSON responses).</summary>
    Error,
}

/// <summary>Declares the error body style of a route; routes without it use <see cref="ErrorBodyStyle.Detail"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ErrorBodyAttribute(ErrorBodyStyle style) : Attribute
{
    /// <summary>The style of errors the route's service raises.</summary>
    public ErrorBodyStyle Style { get; } = style;
}

/// <summary>The status code of a successful response when it is not 200 (201 Created, 202 Accepted, 204 No Content).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SuccessStatusAttribute(int statusCode) : Attribute
{
    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; } = statusCode;
}
