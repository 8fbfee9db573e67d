using System.Globalization;
using System.Text;

namespace Discogsography.ServiceInterface.Infrastructure;

/// <summary>
/// JSON text byte-for-byte as Python's <c>json.dumps</c> writes it with its default <c>ensure_ascii=True</c>:
/// non-ASCII as <c>\uXXXX</c>, and nothing escaped beyond what JSON requires (System.Text.Json's encoders also
/// escape <c>+</c>, <c>&lt;</c>, <c>&amp;</c>…, which Python does not).
/// </summary>
public static class PythonJson
{
    /// <summary>A flat object of string/integer members with the given separators (<c>","</c>/<c>":"</c> compact, <c>",
    /// "</c>/<c>": "</c> default).</summary>
    public static string Object(IEnumerable<KeyValuePair<string, object>> members, string itemSeparator = ",", string keySeparator = ":")
    {
        var json = new StringBuilder("{");
        foreach (var (key, value) in members)
        {
            if (json.Length > 1)
                json.Append(itemSeparator);
            AppendString(json, key);
            json.Append(keySeparator);
            if (value is string text)
                AppendString(json, text);
            else
                json.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
        return json.Append('}').ToString();
    }

    private static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case < ' ' or > '~': json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }
        json.Append('"');
    }
}
