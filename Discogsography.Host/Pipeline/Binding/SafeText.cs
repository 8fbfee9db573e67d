using System.Text.Json;
using System.Text.Json.Nodes;
using Discogsography.ServiceModel.Types;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>
/// Text the service cannot store or compare is refused where it enters, with a 422, before any service or database
/// sees it: a NUL character (PostgreSQL refuses <c>\0</c> in <c>text</c>) in a path segment, query value or JSON
/// string, and a lone UTF-16 surrogate escape (<c>"\ud800"</c>) in a JSON body, which is valid JSON syntax but not text.
/// </summary>
internal static class SafeText
{
    private const string NulMessage = "NUL characters (\\u0000) are not allowed";

    /// <summary>The 422 item for <paramref name="text"/> at <paramref name="loc"/>, or null when it is fine.</summary>
    public static ValidationErrorItem? Check(string text, FieldLocation loc) =>
        text.Contains('\0') ? ValidationErrors.ValueError(loc, JsonValue.Create(text.Replace("\0", "\\u0000", StringComparison.Ordinal)),
            NulMessage) : null;

    /// <summary>Every string and member name of a parsed body, each problem once at its location under <c>body</c>.</summary>
    public static List<ValidationErrorItem> CheckDocument(JsonElement root)
    {
        var errors = new List<ValidationErrorItem>();
        Walk(root, FieldLocation.Of("body"), errors);
        return errors;
    }

    private static void Walk(JsonElement element, FieldLocation loc, List<ValidationErrorItem> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(element, loc, errors);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    Walk(item, loc.Then(index++), errors);
                break;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (!TryReadName(member, out var name))
                    {
                        errors.Add(StringUnicode(loc, null));
                        continue;
                    }
                    var memberLoc = loc.Then(name);
                    if (Check(name, memberLoc) is { } error)
                        errors.Add(error);
                    else
                        Walk(member.Value, memberLoc, errors);
                }
                break;
        }
    }

    private static void CheckString(JsonElement element, FieldLocation loc, List<ValidationErrorItem> errors)
    {
        string text;
        try
        {
            text = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The raw escapes, without the quotes: the input as sent, and safe to write back.
            errors.Add(StringUnicode(loc, JsonValue.Create(element.GetRawText()[1..^1])));
            return;
        }
        if (Check(text, loc) is { } error)
            errors.Add(error);
    }

    private static bool TryReadName(JsonProperty member, out string name)
    {
        try
        {
            name = member.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }

    private static ValidationErrorItem StringUnicode(FieldLocation loc, JsonNode? input) =>
        ValidationErrors.Item("string_unicode", loc, "Input should be a valid string, unable to parse raw data as a unicode string", input);
}
