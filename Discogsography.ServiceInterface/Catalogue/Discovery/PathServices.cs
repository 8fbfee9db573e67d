using System.Globalization;
using Discogsography.ServiceInterface.Infrastructure;
using Discogsography.ServiceModel;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>How long one path search may take before it answers 504 (the reference let Neo4j run for 120 s).</summary>
public sealed record PathOptions
{
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// <c>GET /api/path</c> (REFERENCE-UPSTREAM.md §A.2): 422, 400 for either type, 404 for the start then the end, then the
/// search within <see cref="PathOptions.Budget"/> (504 with the reference's message when it runs out).
/// </summary>
public sealed class PathServices(PathFinder finder, PathGraph graph, NpgsqlDataSource database, PathOptions options) : Service
{
    private static readonly Dictionary<string, char> Kinds = new() { ["artist"] = 'a', ["genre"] = 'g', ["label"] = 'l', ["style"] = 's' };

    private static readonly Dictionary<char, string> TypeNames = new()
    {
        ['a'] = "artist", ['l'] = "label", ['m'] = "master", ['r'] = "release", ['g'] = "genre", ['s'] = "style",
    };

    public async Task<PathResponse> Get(FindPath request)
    {
        var fromKind = KindOrThrow(request.FromType, "from_type");
        var toKind = KindOrThrow(request.ToType, "to_type");
        var from = ResolveAsync(fromKind, request.FromName);
        var to = ResolveAsync(toKind, request.ToName);
        var start = await from
            ?? throw HttpError.NotFound($"{ExploreServices.Capitalize(request.FromType)} '{request.FromName}' not found");
        var end = await to ?? throw HttpError.NotFound($"{ExploreServices.Capitalize(request.ToType)} '{request.ToName}' not found");
        var path = await QueryTimeouts.Within(token => finder.FindAsync(start, end, request.MaxDepth, token), options.Budget,
            "Path query timed out — try reducing max_depth or searching closer nodes", Aborted);
        return path is null ? new PathResponse { Found = false, Length = null, Path = [] } : await DescribeAsync(path);
    }

    private static GraphKind KindOrThrow(string raw, string parameter) =>
        GraphKind.Find(raw) ?? throw HttpError.BadRequest($"Invalid {parameter}: {raw}. Must be one of: artist, genre, label, style");

    /// <summary>The entity named exactly so (the lowest id when several are), as a path node.</summary>
    private async Task<PathKey?> ResolveAsync(GraphKind kind, string name)
    {
        await using var connection = await database.OpenConnectionAsync(Aborted);
        return await PostgresGraphStore.ResolveAsync(connection, kind, name, Aborted) is { } entity
            ? new PathKey(Kinds[kind.Name], entity.Id) : null;
    }

    private async Task<PathResponse> DescribeAsync(FoundPath path)
    {
        var names = await graph.NamesAsync(path.Steps.Select(s => s.Node).ToList(), Aborted);
        return new PathResponse
        {
            Found = true,
            Length = path.Length,
            Path = path.Steps.Select(s => new PathNode
            {
                // Genres and styles are known by their names (the reference wrote "None": they have no id).
                Id = s.Node.Kind is 'g' or 's' ? names.GetValueOrDefault(s.Node, "") : s.Node.Id.ToString(CultureInfo.InvariantCulture),
                Name = names.GetValueOrDefault(s.Node, ""),
                Type = TypeNames[s.Node.Kind],
                Rel = s.Rel,
            }).ToList(),
        };
    }
}
