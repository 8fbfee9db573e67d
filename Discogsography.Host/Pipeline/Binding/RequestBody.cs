using System.Text;
using System.Text.Json;
using Discogsography.ServiceInterface.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>What a request carried as its body: nothing, parsed JSON, or text that was not sent as JSON.</summary>
internal sealed class RequestBody : IDisposable
{
    private readonly JsonDocument? document;

    private RequestBody(JsonDocument? document, string? rawText)
    {
        this.document = document;
        RawText = rawText;
    }

    /// <summary>No body.</summary>
    public static RequestBody None { get; } = new(null, null);

    /// <summary>The parsed JSON, when the body was JSON.</summary>
    public JsonElement? Json => document?.RootElement;

    /// <summary>The body text when it was not declared as JSON (FastAPI then fails model validation).</summary>
    public string? RawText { get; }

    /// <summary>True when nothing was sent.</summary>
    public bool IsEmpty => document is null && RawText is null;

    /// <summary>
    /// Reads and parses the body. Malformed JSON raises the 422 <c>json_invalid</c> error right away, before
    /// authentication, as in the reference. Kestrel stops a body over the limit while it is read
    /// (<see cref="Middleware.RequestSizeLimitMiddleware"/> says how that is answered).
    /// </summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
            return None;
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        return IsJson(request.ContentType)
            ? new RequestBody(Parse(bytes), null) : new RequestBody(null, Encoding.UTF8.GetString(bytes.Span));
    }

    /// <summary>
    /// Bytes that are not UTF-8 cannot be JSON text (RFC 8259 §8.1): 400, as the reference answers when decoding the
    /// body fails. Malformed JSON is the 422 <c>json_invalid</c>; strings that are not storable text are 422 too.
    /// </summary>
    private static JsonDocument Parse(ReadOnlyMemory<byte> bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
            throw HttpError.BadRequest("There was an error parsing the body").As(ServiceModel.ErrorBodyStyle.Detail);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new RequestValidationException([ValidationErrors.JsonInvalid(CharOffset(bytes.Span, e), Describe(e))]);
        }
        var unsafeText = SafeText.CheckDocument(document.RootElement);
        if (unsafeText.Count == 0)
            return document;
        document.Dispose();
        throw new RequestValidationException([.. unsafeText]);
    }

    /// <summary>FastAPI reports the character offset of the error in the whole document.</summary>
    private static long CharOffset(ReadOnlySpan<byte> bytes, JsonException e)
    {
        long line = e.LineNumber ?? 0, column = e.BytePositionInLine ?? 0, start = 0;
        for (var i = 0; i < bytes.Length && line > 0; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line--;
                start = i + 1;
            }
        }
        var end = (int)Math.Min(bytes.Length, start + column);
        return Encoding.UTF8.GetCharCount(bytes[..end]);
    }

    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position > 0 ? message[..position] : message).TrimEnd(' ', '.');
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    public void Dispose() => document?.Dispose();
}
