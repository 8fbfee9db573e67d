using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Discogsography.ServiceInterface.Catalogue.Discovery;

/// <summary>A path found: its nodes from the start, each with the relationship that leads into it (null for the first).</summary>
public sealed record FoundPath(IReadOnlyList<(PathKey Node, string? Rel)> Steps)
{
    public int Length => Steps.Count - 1;
}

/// <summary>
/// One shortest undirected path by bidirectional breadth-first search over <see cref="PathGraph"/>: whole levels are
/// expanded, always on the side whose frontier is smaller, until the sides meet or their depths add up to the limit.
/// The choice among equally short paths is deterministic: every node keeps as parent the lowest (kind, id) node of
/// the previous level that reaches it, and where the sides meet the lowest (kind, id) meeting node wins (kinds in the
/// order artist, label, master, release, genre, style).
/// </summary>
public sealed partial class PathFinder(PathGraph graph, ILogger<PathFinder> logger)
{
    public async Task<FoundPath?> FindAsync(PathKey from, PathKey to, int maxDepth, CancellationToken cancellationToken)
    {
        if (from == to)
            return new FoundPath([(from, null)]);
        var (forward, backward) = (new SearchSide(from), new SearchSide(to));
        while (forward.Depth + backward.Depth < maxDepth && forward.Frontier.Count > 0 && backward.Frontier.Count > 0)
        {
            var (near, far) = forward.Frontier.Count <= backward.Frontier.Count ? (forward, backward) : (backward, forward);
            var started = Stopwatch.GetTimestamp();
            var frontier = near.Frontier.Count;
            var level = near.Advance(await graph.NeighboursAsync(near.Frontier, cancellationToken));
            LogLevelExpanded(logger, near == forward ? "forward" : "backward", near.Depth, frontier, level.Count,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var meeting = level.Where(far.Visited.ContainsKey).OrderBy(n => far.Visited[n].Depth).ThenBy(n => n)
                .Select(n => (PathKey?)n).FirstOrDefault();
            if (meeting is { } node && near.Depth + far.Visited[node].Depth <= maxDepth)
                return Join(forward, backward, node);
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Path search: {Side} level {Depth} from {Frontier} nodes gave {Level} new ones in {Milliseconds:0.0} ms")]
    private static partial void LogLevelExpanded(ILogger logger, string side, int depth, int frontier, int level, double milliseconds);

    /// <summary>The forward side's chain from the start to <paramref name="meeting"/>, then the backward side's from
    /// there to the end.</summary>
    private static FoundPath Join(SearchSide forward, SearchSide backward, PathKey meeting)
    {
        var steps = new List<(PathKey, string?)>();
        for (PathKey? node = meeting; node is { } n; node = forward.Visited[n].Parent)
            steps.Insert(0, (n, forward.Visited[n].Rel));
        for (var node = meeting; backward.Visited[node].Parent is { } parent; node = parent)
            steps.Add((parent, backward.Visited[node].Rel));
        return new FoundPath(steps);
    }

    /// <summary>One side of the search: every node it reached with its parent, the relationship and its depth, and the
    /// last level.</summary>
    private sealed class SearchSide(PathKey origin)
    {
        public Dictionary<PathKey, (PathKey? Parent, string? Rel, int Depth)> Visited { get; } = new() { [origin] = (null, null, 0) };

        public IReadOnlyCollection<PathKey> Frontier { get; private set; } = [origin];

        public int Depth { get; private set; }

        /// <summary>Records the new nodes among <paramref name="edges"/> (lowest parent first) as the next level and
        /// returns them.</summary>
        public IReadOnlyList<PathKey> Advance(IEnumerable<PathEdge> edges)
        {
            Depth++;
            var level = new List<PathKey>();
            foreach (var edge in edges.OrderBy(e => e.To).ThenBy(e => e.From))
            {
                if (Visited.TryAdd(edge.To, (edge.From, edge.Rel, Depth)))
                    level.Add(edge.To);
            }
            Frontier = level;
            return level;
        }
    }
}
