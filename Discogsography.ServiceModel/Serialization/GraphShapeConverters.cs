using System.Text.Json;
using System.Text.Json.Serialization;

namespace Discogsography.ServiceModel.Serialization;

/// <summary>Writes an <see cref="ExpandChild"/> in the reference's shape: <c>year</c> always for releases,
/// <c>release_count</c> when counted.</summary>
public sealed class ExpandChildConverter : JsonConverter<ExpandChild>
{
    public override ExpandChild Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var wire = JsonSerializer.Deserialize<WireChild>(ref reader, options) ?? throw new JsonException("Expected an object.");
        return new ExpandChild { Id = wire.Id, Name = wire.Name, Type = wire.Type, Year = wire.Year, ReleaseCount = wire.ReleaseCount };
    }

    public override void Write(Utf8JsonWriter writer, ExpandChild value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("name", value.Name);
        writer.WriteString("type", value.Type);
        if (value.Type == "release")
            WriteNullableInt(writer, "year", value.Year);
        if (value.ReleaseCount is { } count)
            writer.WriteNumber("release_count", count);
        writer.WriteEndObject();
    }

    internal static void WriteNullableInt(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }

    private sealed record WireChild(string Id, string Name, string Type, int? Year, int? ReleaseCount);
}

/// <summary>Writes <see cref="NodeDetails"/> with exactly the keys of its kind, in the reference's order (REFERENCE-API.md §9.6).</summary>
public sealed class NodeDetailsConverter : JsonConverter<NodeDetails>
{
    public override NodeDetails Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var w = JsonSerializer.Deserialize<WireNode>(ref reader, options) ?? throw new JsonException("Expected an object.");
        var kind = w.Artists is not null ? "release" : w.Groups is not null ? "artist" : w.ArtistCount is not null ? "genre" : "label";
        return new NodeDetails
        {
            NodeKind = kind, Id = w.Id, Name = w.Name, Year = w.Year, Artists = w.Artists, Labels = w.Labels, Genres = w.Genres,
            Styles = w.Styles, ReleaseCount = w.ReleaseCount, Groups = w.Groups, ArtistCount = w.ArtistCount,
        };
    }

    public override void Write(Utf8JsonWriter writer, NodeDetails value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        writer.WriteString("name", value.Name);
        switch (value.NodeKind)
        {
            case "artist":
                WriteList(writer, "genres", value.Genres);
                WriteList(writer, "styles", value.Styles);
                writer.WriteNumber("release_count", value.ReleaseCount ?? 0);
                WriteList(writer, "groups", value.Groups);
                break;
            case "release":
                ExpandChildConverter.WriteNullableInt(writer, "year", value.Year);
                WriteList(writer, "artists", value.Artists);
                WriteList(writer, "labels", value.Labels);
                WriteList(writer, "genres", value.Genres);
                WriteList(writer, "styles", value.Styles);
                break;
            case "label":
                writer.WriteNumber("release_count", value.ReleaseCount ?? 0);
                break;
            default:
                writer.WriteNumber("artist_count", value.ArtistCount ?? 0);
                break;
        }
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, List<string>? values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values ?? [])
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private sealed record WireNode(
        string Id, string Name, int? Year, List<string>? Artists, List<string>? Labels, List<string>? Genres, List<string>? Styles,
        int? ReleaseCount, List<string>? Groups, int? ArtistCount);
}
