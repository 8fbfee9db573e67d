using Discogsography.ServiceModel.Types;

namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>Input that failed validation: answered 422 with the FastAPI-shaped <c>{"detail": [...]}</c> list.</summary>
public sealed class RequestValidationException(IReadOnlyList<ValidationErrorItem> errors)
    : Exception($"Request validation failed: {string.Join("; ", errors.Select(e => $"{string.Join('.', e.Loc)}: {e.Msg}"))}")
{
    /// <summary>Every problem found, in path, query, body order.</summary>
    public IReadOnlyList<ValidationErrorItem> Errors { get; } = errors;
}
