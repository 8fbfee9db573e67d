using System.Text.Json.Nodes;

namespace Discogsography.Host.Pipeline.Binding;

/// <summary>
/// Where a value sits in the request (<c>body</c> → <c>nodes</c> → <c>0</c> → <c>id</c>), built as the binder descends
/// and turned into FastAPI's <c>loc</c> array only when an error needs one: binding a valid request builds no array.
/// </summary>
internal sealed class FieldLocation
{
    private readonly FieldLocation? parent;
    private readonly object segment;

    private FieldLocation(FieldLocation? parent, object segment) => (this.parent, this.segment) = (parent, segment);

    /// <summary>A location of one or more segments (names, or indexes and offsets as numbers).</summary>
    public static FieldLocation Of(params ReadOnlySpan<object> parts)
    {
        var location = new FieldLocation(null, parts[0]);
        foreach (var part in parts[1..])
            location = location.Then(part);
        return location;
    }

    /// <summary>This location with one more segment.</summary>
    public FieldLocation Then(object next) => new(this, next);

    /// <summary>The segments as FastAPI writes them: <c>["body", "nodes", 0, "id"]</c>.</summary>
    public JsonArray ToJsonArray()
    {
        var segments = new Stack<object>();
        for (var at = this; at is not null; at = at.parent)
            segments.Push(at.segment);
        var array = new JsonArray();
        foreach (var part in segments)
        {
            array.Add(part switch
            {
                int index => JsonValue.Create(index),
                long offset => JsonValue.Create(offset),
                _ => JsonValue.Create((string)part),
            });
        }
        return array;
    }
}
