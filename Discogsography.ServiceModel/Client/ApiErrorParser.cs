using System.Text.Json;

namespace Discogsography.ServiceModel;

/// <summary>
/// Turns an error response into an <see cref="ApiException"/>. Understands every error body the service
/// produces: <c>{"detail": "..."}</c>, <c>{"detail": [422 items]}</c>, <c>{"error": "..."}</c> and
/// <c>{"status": ..., "message": "..."}</c>; anything else keeps its raw text.
/// </summary>
public static class ApiErrorParser
{
    /// <summary>Builds the exception for <paramref name="response"/> whose body was <paramref name="body"/>.</summary>
    public static ApiException Parse(HttpResponseMessage response, string body)
    {
        var (message, fieldErrors) = ReadBody(body);
        return new ApiException(
            response.StatusCode,
            message ?? (body.Length > 0 ? body : response.ReasonPhrase ?? response.StatusCode.ToString()),
            fieldErrors,
            body,
            RetryAfterOf(response));
    }

    private static (string? Message, IReadOnlyList<FieldError> FieldErrors) ReadBody(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, []);
            if (root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Array)
            {
                var errors = detail.EnumerateArray().Select(ToFieldError).ToArray();
                return (errors.Length > 0 ? string.Join("; ", errors.Select(Describe)) : "Validation failed", errors);
            }
            foreach (var key in (string[])["detail", "error", "message"])
            {
                if (root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
                    return (value.GetString(), []);
            }
            return (null, []);
        }
        catch (JsonException)
        {
            return (null, []);
        }
    }

    private static FieldError ToFieldError(JsonElement item)
    {
        var loc = item.TryGetProperty("loc", out var l) && l.ValueKind == JsonValueKind.Array
            ? l.EnumerateArray().Select(e => e.ToString()).ToArray()
            : [];
        return new FieldError(
            loc.FirstOrDefault() ?? "",
            string.Join('.', loc.Skip(1)),
            item.TryGetProperty("type", out var t) ? t.ToString() : "",
            item.TryGetProperty("msg", out var m) ? m.ToString() : "");
    }

    private static string Describe(FieldError error) =>
        error.Field.Length > 0 ? $"{error.Field}: {error.Message}" : error.Message;

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };
}
