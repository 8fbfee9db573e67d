using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Discogsography.Tests.Integration.Catalogue;

/// <summary>
/// The expected answers, computed independently of the importer and its SQL: each dump record is loaded as an
/// XElement and every rule (names, years, relations, counts, orders) is written out in plain LINQ.
/// </summary>
internal sealed class DumpOracle
{
    private readonly Dictionary<long, Artist> artists = [];
    private readonly Dictionary<long, string> labels = [];
    private readonly Dictionary<long, int?> masterYears = [];
    private readonly Dictionary<long, string> masterTitles = [];
    private readonly List<(long Child, long Parent, string Name)> parentLabels = [];
    private readonly List<Release> releases = [];

    public sealed record Artist(long Id, string Name, List<(long Id, string Name)> Aliases, List<(long Id, string Name)> Members,
        List<(long Id, string Name)> Groups);

    public sealed record Release(long Id, string Title, int? Year, List<(long Id, string Name)> Artists,
        List<(long Id, string Name)> Labels, List<string> Genres,
        List<string> Styles, long? MasterId = null);

    public static DumpOracle Load(string folder)
    {
        var oracle = new DumpOracle();
        foreach (var a in Records(folder, "artists", "artist"))
        {
            oracle.artists[Id(a.Element("id"))] = new Artist(Id(a.Element("id")), (string)a.Element("name")!,
                Refs(a.Element("aliases")), Refs(a.Element("members")), Refs(a.Element("groups")));
        }
        foreach (var l in Records(folder, "labels", "label"))
        {
            oracle.labels[Id(l.Element("id"))] = (string)l.Element("name")!;
            if (PositiveLong((string?)l.Element("parentLabel")?.Attribute("id")) is { } parent
                && (string?)l.Element("parentLabel") is { Length: > 0 } name)
                oracle.parentLabels.Add((Id(l.Element("id")), parent, name));
        }
        foreach (var m in Records(folder, "masters", "master"))
        {
            var id = long.Parse((string)m.Attribute("id")!, CultureInfo.InvariantCulture);
            oracle.masterYears[id] = PositiveInt((string?)m.Element("year"));
            oracle.masterTitles[id] = (string?)m.Element("title") ?? "";
        }
        foreach (var r in Records(folder, "releases", "release"))
            oracle.releases.Add(oracle.ReleaseOf(r));
        return oracle;
    }

    public IReadOnlyList<Release> Releases => releases;

    /// <summary>Artist records (stubs are not records).</summary>
    public IReadOnlyDictionary<long, Artist> ArtistRecords => artists;

    /// <summary>Label records, by id.</summary>
    public IReadOnlyDictionary<long, string> LabelRecords => labels;

    /// <summary>Every label the catalogue knows: records, and ids referenced by releases and as parents.</summary>
    public IEnumerable<long> AllLabelIds() =>
        labels.Keys.Concat(releases.SelectMany(r => r.Labels.Select(l => l.Id))).Concat(parentLabels.Select(p => p.Parent)).Distinct();

    /// <summary>Master records: their title and year (positive, else null).</summary>
    public IReadOnlyDictionary<long, (string Title, int? Year)> MasterRecords =>
        masterTitles.ToDictionary(m => m.Key, m => (m.Value, masterYears[m.Key]));

    /// <summary>The artist's name: its record's, else the name its first reference carries (releases by id, then
    /// aliases, members, groups).</summary>
    public string ArtistName(long id) =>
        artists.TryGetValue(id, out var a) ? a.Name
        : releases.OrderBy(r => r.Id).SelectMany(r => r.Artists).Where(x => x.Id == id).Select(x => x.Name).FirstOrDefault()
          ?? artists.Values.OrderBy(x => x.Id).SelectMany(x => x.Aliases).Where(x => x.Id == id).Select(x => x.Name).FirstOrDefault()
          ?? artists.Values.OrderBy(x => x.Id).SelectMany(x => x.Members).Where(x => x.Id == id).Select(x => x.Name).FirstOrDefault()
          ?? artists.Values.OrderBy(x => x.Id).SelectMany(x => x.Groups).Where(x => x.Id == id).Select(x => x.Name).First();

    /// <summary>The label's name: its record's, else the name its first reference carries (releases by id, then child
    /// labels by id).</summary>
    public string LabelName(long id) =>
        labels.TryGetValue(id, out var name) ? name
        : releases.OrderBy(r => r.Id).SelectMany(r => r.Labels).Where(l => l.Id == id).Select(l => l.Name).FirstOrDefault()
          ?? parentLabels.Where(p => p.Parent == id).OrderBy(p => p.Child).First().Name;

    /// <summary>Every artist the catalogue knows: records, and ids referenced by releases, aliases, members and groups.</summary>
    public IEnumerable<long> AllArtistIds() =>
        artists.Keys.Concat(releases.SelectMany(r => r.Artists.Select(a => a.Id)))
            .Concat(artists.Values.SelectMany(a => a.Aliases.Concat(a.Members).Concat(a.Groups).Select(x => x.Id))).Distinct();

    public long ArtistId(string name) => artists.Values.Where(a => a.Name == name).Min(a => a.Id);

    public long LabelId(string name) => labels.Where(l => l.Value == name).Min(l => l.Key);

    public IEnumerable<Release> ReleasesOfArtist(long id) => releases.Where(r => r.Artists.Any(a => a.Id == id));

    public IEnumerable<Release> ReleasesOfLabel(long id) => releases.Where(r => r.Labels.Any(l => l.Id == id));

    public IEnumerable<Release> ReleasesOfGenre(string genre) => releases.Where(r => r.Genres.Contains(genre));

    public IEnumerable<Release> ReleasesOfStyle(string style) => releases.Where(r => r.Styles.Contains(style));

    /// <summary>Newest first, undated last, then by id.</summary>
    public static IEnumerable<Release> NewestFirst(IEnumerable<Release> rs) =>
        rs.OrderBy(r => r.Year is null).ThenByDescending(r => r.Year).ThenBy(r => r.Id);

    /// <summary>
    /// An artist's aliases (those its record names and those whose record names it: either side may be missing from a
    /// partial dump), the groups it is in and its members, by numeric id.
    /// </summary>
    public IReadOnlyList<long> Links(long id)
    {
        var own = artists.TryGetValue(id, out var a) ? a : null;
        var aliases = (own?.Aliases.Select(x => x.Id)
            ?? []).Concat(artists.Values.Where(x => x.Aliases.Any(al => al.Id == id)).Select(x => x.Id));
        var groups = (own?.Groups.Select(x => x.Id)
            ?? []).Concat(artists.Values.Where(x => x.Members.Any(m => m.Id == id)).Select(x => x.Id));
        var members = (own?.Members.Select(x => x.Id)
            ?? []).Concat(artists.Values.Where(x => x.Groups.Any(g => g.Id == id)).Select(x => x.Id));
        return aliases.Concat(groups).Concat(members).Where(x => x != id).Distinct().Order().ToList();
    }

    public IReadOnlyList<long> Groups(long id) =>
        ((artists.TryGetValue(id, out var a) ? a.Groups.Select(x => x.Id) : [])
            .Concat(artists.Values.Where(x => x.Members.Any(m => m.Id == id)).Select(x => x.Id)))
        .Where(x => x != id).Distinct().ToList();

    /// <summary>Children with the number of the given releases they appear on, most first, then by <paramref name="tieBreak"/>.</summary>
    public static List<(T Key, int Count)> Counted<T, TOrder>(IEnumerable<Release> rs, Func<Release, IEnumerable<T>> children,
        Func<T, TOrder> tieBreak,
        IComparer<TOrder>? comparer = null) =>
        rs.SelectMany(r => children(r).Distinct()).GroupBy(x => x).Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => tieBreak(x.Key), comparer ?? Comparer<TOrder>.Default).ToList();

    public static List<(int Year, int Count)> Trend(IEnumerable<Release> rs) =>
        rs.Where(r => r.Year is not null).GroupBy(r => r.Year!.Value).Select(g => (g.Key, g.Count())).OrderBy(x => x.Key).ToList();

    private Release ReleaseOf(XElement r)
    {
        var master = long.TryParse((string?)r.Element("master_id"), out var m) ? m : (long?)null;
        var year = master is { } id && masterYears.TryGetValue(id, out var masterYear) && masterYear is not null
            ? masterYear
            : PositiveInt(((string?)r.Element("released"))?.Length >= 4 ? ((string)r.Element("released")!)[..4] : null);
        return new Release(
            long.Parse((string)r.Attribute("id")!, CultureInfo.InvariantCulture),
            (string?)r.Element("title") ?? "",
            year,
            r.Element("artists")?.Elements("artist").Where(a => PositiveLong((string?)a.Element("id")) is not null)
                .Select(a => (Id((XElement?)a.Element("id")), (string)a.Element("name")!)).DistinctBy(a => a.Item1).ToList() ?? [],
            r.Element("labels")?.Elements("label").Where(l => PositiveLong((string?)l.Attribute("id")) is not null)
                .Select(l => (long.Parse((string)l.Attribute("id")!, CultureInfo.InvariantCulture),
                    (string?)l.Attribute("name") ?? "")).DistinctBy(l => l.Item1).ToList() ?? [],
            r.Element("genres")?.Elements("genre").Select(g => g.Value.Trim()).Where(g => g.Length > 0).Distinct().ToList() ?? [],
            r.Element("styles")?.Elements("style").Select(s => s.Value.Trim()).Where(s => s.Length > 0).Distinct().ToList() ?? [],
            master is > 0 ? master : null);
    }

    private static List<(long, string)> Refs(XElement? list) =>
        list?.Elements("name").Where(n => PositiveLong((string?)n.Attribute("id")) is not null)
            .Select(n => (long.Parse((string)n.Attribute("id")!, CultureInfo.InvariantCulture), n.Value)).ToList() ?? [];

    private static IEnumerable<XElement> Records(string folder, string kind, string element)
    {
        // A partial dump has no file of some kinds; files are gzip-compressed or plain, as the importer takes them.
        var path = Directory.GetFiles(folder, $"discogs_*_{kind}.xml*").SingleOrDefault();
        if (path is null)
            yield break;
        using var file = File.OpenRead(path);
        using var xml = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { CheckCharacters = false });
        reader.MoveToContent();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == element)
                yield return (XElement)XNode.ReadFrom(reader);
            else
                reader.Read();
        }
    }

    private static long Id(XElement? element) => long.Parse(element!.Value, CultureInfo.InvariantCulture);

    private static long? PositiveLong(string? text) => long.TryParse(text, out var v) && v > 0 ? v : null;

    private static int? PositiveInt(string? text) => int.TryParse(text, out var v) && v > 0 ? v : null;
}
