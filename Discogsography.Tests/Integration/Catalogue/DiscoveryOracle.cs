using System.Globalization;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>A node of the oracle's graph: its kind (a, l, m, r, g, s) and its id (genres and styles: their name).</summary>
internal readonly record struct OracleNode(char Kind, string Key);

/// <summary>
/// The expected answers of the discovery routes, computed from <see cref="DumpOracle"/>'s records in plain LINQ: the
/// whole graph with every edge (no hubs), breadth-first distances, collaborations, the genre tree, first years,
/// entity counts and the search entries.
/// </summary>
internal sealed class DiscoveryOracle
{
    private readonly DumpOracle dump;
    private readonly Dictionary<OracleNode, List<(OracleNode Node, string Rel)>> edges = [];

    public DiscoveryOracle(DumpOracle dump)
    {
        this.dump = dump;
        foreach (var r in dump.Releases)
        {
            var release = Release(r.Id);
            foreach (var (id, _) in r.Artists)
                Link(release, Artist(id), "BY");
            foreach (var (id, _) in r.Labels)
                Link(release, new OracleNode('l', Text(id)), "ON");
            foreach (var genre in r.Genres)
                Link(release, new OracleNode('g', genre), "IS");
            foreach (var style in r.Styles)
                Link(release, new OracleNode('s', style), "IS");
            if (r.MasterId is { } master)
                Link(release, new OracleNode('m', Text(master)), "DERIVED_FROM");
        }
        foreach (var a in dump.ArtistRecords.Values)
        {
            foreach (var (id, _) in a.Aliases)
                Link(Artist(a.Id), Artist(id), "ALIAS_OF");
            foreach (var (id, _) in a.Members.Concat(a.Groups))
                Link(Artist(a.Id), Artist(id), "MEMBER_OF");
        }
    }

    public static OracleNode Artist(long id) => new('a', Text(id));

    public static OracleNode Release(long id) => new('r', Text(id));

    /// <summary>The nodes next to <paramref name="node"/>, with the relationship.</summary>
    public IReadOnlyList<(OracleNode Node, string Rel)> Neighbours(OracleNode node) => edges.GetValueOrDefault(node) ?? [];

    /// <summary>Breadth-first distance, or null beyond <paramref name="maxDepth"/>.</summary>
    public int? Distance(OracleNode from, OracleNode to, int maxDepth) => Distances(from, maxDepth).TryGetValue(to, out var d) ? d : null;

    /// <summary>Breadth-first distances from <paramref name="from"/> to every node within <paramref name="maxDepth"/>.</summary>
    public Dictionary<OracleNode, int> Distances(OracleNode from, int maxDepth)
    {
        var depth = new Dictionary<OracleNode, int> { [from] = 0 };
        var queue = new Queue<OracleNode>([from]);
        while (queue.TryDequeue(out var node))
        {
            if (depth[node] == maxDepth)
                continue;
            foreach (var (next, _) in Neighbours(node))
            {
                if (depth.TryAdd(next, depth[node] + 1))
                    queue.Enqueue(next);
            }
        }
        return depth;
    }

    /// <summary>The name a path node shows: names, titles, "" for a master without a record.</summary>
    public string NameOf(OracleNode node) => node.Kind switch
    {
        'a' => dump.ArtistName(long.Parse(node.Key, CultureInfo.InvariantCulture)),
        'l' => dump.LabelName(long.Parse(node.Key, CultureInfo.InvariantCulture)),
        'r' => dump.Releases.Single(r => Text(r.Id) == node.Key).Title,
        'm' => dump.MasterRecords.TryGetValue(long.Parse(node.Key, CultureInfo.InvariantCulture), out var m) ? m.Title : "",
        _ => node.Key,
    };

    /// <summary>For each other artist on the same dated releases: the releases shared per year.</summary>
    public Dictionary<long, SortedDictionary<int, int>> Collaborations(long artistId)
    {
        var result = new Dictionary<long, SortedDictionary<int, int>>();
        foreach (var r in dump.Releases.Where(r => r.Year is not null && r.Artists.Any(a => a.Id == artistId)))
        {
            foreach (var other in r.Artists.Select(a => a.Id).Where(id => id != artistId).Distinct())
            {
                var years = result.TryGetValue(other, out var y) ? y : result[other] = new SortedDictionary<int, int>();
                years[r.Year!.Value] = years.GetValueOrDefault(r.Year!.Value) + 1;
            }
        }
        return result;
    }

    /// <summary>Every artist with at least one collaborator.</summary>
    public IEnumerable<long> ArtistsWithCollaborators() =>
        dump.Releases.Where(r => r.Year is not null && r.Artists.Count > 1).SelectMany(r => r.Artists.Select(a => a.Id)).Distinct();

    /// <summary>Genres by releases (then name), each with its co-occurring styles by shared releases (then name).</summary>
    public List<(string Genre, int Releases, List<(string Style, int Releases)> Styles)> GenreTree() =>
        dump.Releases.SelectMany(r => r.Genres.Select(g => (Genre: g, Release: r))).GroupBy(x => x.Genre)
            .Select(g => (g.Key, g.Count(), DumpOracle.Counted(g.Select(x => x.Release), r => r.Styles, s => s, StringComparer.Ordinal)))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    /// <summary>The earliest dated release's year of each genre (or style), oldest first, then by name.</summary>
    public List<(string Name, int FirstYear)> FirstYears(Func<DumpOracle.Release, IEnumerable<string>> tags) =>
        dump.Releases.Where(r => r.Year is not null).SelectMany(r => tags(r).Select(t => (Tag: t, Year: r.Year!.Value))).GroupBy(x => x.Tag)
            .Select(g => (g.Key, g.Min(x => x.Year))).OrderBy(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

    /// <summary>Artists, labels, releases, masters (referenced ones included), genres, styles.</summary>
    public long[] Counts() =>
    [
        dump.AllArtistIds().Count(), dump.AllLabelIds().Count(), dump.Releases.Count,
        dump.MasterRecords.Keys.Concat(dump.Releases.Where(r => r.MasterId is not null).Select(r => r.MasterId!.Value)).Distinct().Count(),
        dump.Releases.SelectMany(r => r.Genres).Distinct().Count(), dump.Releases.SelectMany(r => r.Styles).Distinct().Count(),
    ];

    /// <summary>What search looks through: records only, with the year (masters' own, releases' by our rule) and
    /// releases' genres in code-point order.</summary>
    public IEnumerable<SearchEntry> SearchEntries() =>
        dump.ArtistRecords.Values.Select(a => new SearchEntry("artist", a.Id, a.Name, null, null))
            .Concat(dump.LabelRecords.Select(l => new SearchEntry("label", l.Key, l.Value, null, null)))
            .Concat(dump.MasterRecords.Select(m => new SearchEntry("master", m.Key, m.Value.Title, m.Value.Year, null)))
            .Concat(dump.Releases.Select(r => new SearchEntry("release", r.Id, r.Title, r.Year,
                r.Genres.Count > 0 ? [.. r.Genres.Order(StringComparer.Ordinal)] : null)));

    private void Link(OracleNode a, OracleNode b, string rel)
    {
        if (a == b)
            return;
        Add(a, b, rel);
        Add(b, a, rel);
    }

    private void Add(OracleNode from, OracleNode to, string rel)
    {
        var list = edges.TryGetValue(from, out var l) ? l : edges[from] = [];
        if (!list.Contains((to, rel)))
            list.Add((to, rel));
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A row search looks through.</summary>
internal sealed record SearchEntry(string Type, long Id, string Name, int? Year, List<string>? Genres);
