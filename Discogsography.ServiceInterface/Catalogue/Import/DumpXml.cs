using System.Globalization;
using System.Xml;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>Small helpers over a forward-only <see cref="XmlReader"/> positioned on an element.</summary>
internal static class DumpXml
{
    public static XmlReader Open(Stream xml) => XmlReader.Create(xml, new XmlReaderSettings
    {
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Ignore,
        // The dumps occasionally carry control characters Discogs accepted; structure is still checked strictly.
        CheckCharacters = false,
        CloseInput = false,
    });

    /// <summary>
    /// Calls <paramref name="onChild"/> for each child element of the current element, which must consume it
    /// (read its content or skip it); returns with the reader past the current element.
    /// </summary>
    public static void ForEachChild(XmlReader reader, Action<XmlReader> onChild)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
                onChild(reader);
            else
                reader.Read();
        }
        reader.Read();
    }

    /// <summary>The element's text (empty for an empty element); moves past it.</summary>
    public static string Text(XmlReader reader) => reader.ReadElementContentAsString();

    /// <summary>The element's text as a positive id, or null.</summary>
    public static long? Id(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>A year that is a positive integer, or null.</summary>
    public static int? Year(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year > 0 ? year : null;

    /// <summary>Empty strings become null.</summary>
    public static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
