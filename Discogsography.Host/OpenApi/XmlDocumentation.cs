using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Discogsography.Host.OpenApi;

/// <summary>
/// The XML doc comments of the DTO assembly (written next to it by the build), as plain text for OpenAPI: the
/// <c>&lt;summary&gt;</c> of request types and of their properties. Code spans keep their backticks.
/// </summary>
internal sealed partial class XmlDocumentation(IReadOnlyDictionary<string, string> summaries)
{
    public static readonly XmlDocumentation Empty = new(new Dictionary<string, string>());

    /// <summary>The documentation of <paramref name="assembly"/>, or none when its XML file is missing.</summary>
    public static XmlDocumentation For(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
            return Empty;
        var members = XDocument.Load(path).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => TextOf(m.Element("summary")!));
        return new XmlDocumentation(members);
    }

    public string? Of(Type type) => summaries.GetValueOrDefault($"T:{type.FullName?.Replace('+', '.')}");

    /// <summary>A property's summary; one declared by a generic base class is documented on its definition.</summary>
    public string? Of(PropertyInfo property)
    {
        var declaring = property.DeclaringType is { IsGenericType: true } generic
            ? generic.GetGenericTypeDefinition() : property.DeclaringType;
        return summaries.GetValueOrDefault($"P:{declaring?.FullName?.Replace('+', '.')}.{property.Name}");
    }

    /// <summary>The first sentence: an operation's summary.</summary>
    public static string FirstSentence(string text)
    {
        var end = FirstSentenceEnd().Match(text);
        return end.Success ? text[..(end.Index + 1)] : text;
    }

    private static string TextOf(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.Nodes())
        {
            text.Append(node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
                XElement { Name.LocalName: "see" or "seealso" } see => NameOf(see),
                XElement { Name.LocalName: "paramref" or "typeparamref" } reference => (string?)reference.Attribute("name"),
                XElement other => other.Value,
                _ => "",
            });
        }
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static string NameOf(XElement see) =>
        (string?)see.Attribute("langword") ?? ((string?)see.Attribute("cref"))?.Split('.', ':').Last() ?? (string?)see.Attribute("href")
            ?? see.Value;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[.:](\s|$)")]
    private static partial Regex FirstSentenceEnd();
}
