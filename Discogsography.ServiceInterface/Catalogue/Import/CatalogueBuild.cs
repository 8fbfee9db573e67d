using System.Globalization;
using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>A build step: SQL over <c>{s}</c> (the staging schema) that writes <see cref="Writes"/> from <see cref="Reads"/>.</summary>
internal sealed record BuildStep(string Name, string[] Writes, string[] Reads, string Sql);

/// <summary>
/// Builds every query table of the staging schema from its <c>src_*</c> tables. Steps declare what they read and
/// write; <see cref="BuildScheduler"/> runs each as soon as its inputs are complete, several at once, with the
/// indexes of a table built as soon as the table is. Ids are unique in a dump: a duplicate fails the unique index.
/// </summary>
internal static class CatalogueBuild
{
    private static readonly string[] ArtistSources = ["src_artists", "src_release_artists", "src_artist_aliases", "src_artist_members",
        "src_artist_groups"];

    public static readonly IReadOnlyList<BuildStep> Steps =
    [
        new("artists", ["artists"], ArtistSources, """
            INSERT INTO {s}.artists (id, name, real_name, has_record) SELECT id, name, real_name, true FROM {s}.src_artists;
            INSERT INTO {s}.artists (id, name, real_name, has_record)
            SELECT DISTINCT ON (id) id, name, NULL, false FROM (
                SELECT artist_id AS id, artist_name AS name, 1 AS source, release_id AS seq FROM {s}.src_release_artists
                UNION ALL SELECT alias_id, alias_name, 2, artist_id FROM {s}.src_artist_aliases
                UNION ALL SELECT member_id, member_name, 3, group_id FROM {s}.src_artist_members
                UNION ALL SELECT group_id, group_name, 4, artist_id FROM {s}.src_artist_groups) refs
            WHERE name <> '' AND NOT EXISTS (SELECT 1 FROM {s}.src_artists a WHERE a.id = refs.id)
            ORDER BY id, source, seq;
            """),
        new("labels", ["labels"], ["src_labels", "src_release_labels"], """
            INSERT INTO {s}.labels (id, name, parent_id, has_record) SELECT id, name, parent_id, true FROM {s}.src_labels;
            INSERT INTO {s}.labels (id, name, parent_id, has_record)
            SELECT DISTINCT ON (id) id, name, NULL, false FROM (
                SELECT label_id AS id, label_name AS name, 1 AS source, release_id AS seq FROM {s}.src_release_labels
                UNION ALL SELECT parent_id, parent_name, 2, id FROM {s}.src_labels WHERE parent_id IS NOT NULL) refs
            WHERE name <> '' AND NOT EXISTS (SELECT 1 FROM {s}.src_labels l WHERE l.id = refs.id)
            ORDER BY id, source, seq;
            """),
        new("genres", ["genres"], ["src_release_genres"], """
            INSERT INTO {s}.genres (id, name)
            SELECT row_number() OVER (ORDER BY genre COLLATE "C"), genre FROM (SELECT DISTINCT genre FROM {s}.src_release_genres) g;
            """),
        new("styles", ["styles"], ["src_release_styles"], """
            INSERT INTO {s}.styles (id, name)
            SELECT row_number() OVER (ORDER BY style COLLATE "C"), style FROM (SELECT DISTINCT style FROM {s}.src_release_styles) s;
            """),
        new("masters", ["masters"], ["src_masters"],
            "INSERT INTO {s}.masters SELECT id, title, year, main_release_id FROM {s}.src_masters"),
        new("releases", ["releases"], ["src_releases", "masters"], """
            INSERT INTO {s}.releases (id, title, year, master_id, country, released, status, formats)
            SELECT r.id, r.title,
                   CASE WHEN m.year > 0 THEN m.year
                        WHEN r.released ~ '^[0-9]{4}' AND substr(r.released, 1, 4)::int > 0 THEN substr(r.released, 1, 4)::int END,
                   r.master_id, r.country, r.released, r.status, r.formats
            FROM {s}.src_releases r LEFT JOIN {s}.masters m ON m.id = r.master_id;
            """),
        Relation("release_artists", "artist_id", "x.artist_id", "{s}.src_release_artists x", ["src_release_artists"]),
        Relation("release_labels", "label_id", "x.label_id", "{s}.src_release_labels x", ["src_release_labels"]),
        Relation("release_genres", "genre_id", "g.id", "{s}.src_release_genres x JOIN {s}.genres g ON g.name = x.genre",
            ["src_release_genres", "genres"]),
        Relation("release_styles", "style_id", "st.id", "{s}.src_release_styles x JOIN {s}.styles st ON st.name = x.style",
            ["src_release_styles", "styles"]),
        // Aliases count both ways: the reference's graph links alias -ALIAS_OF-> artist and explore follows that edge
        // from either end, so on a partial dump either record's list is enough.
        new("artist_links", ["artist_links"], ["src_artist_aliases", "src_artist_members", "src_artist_groups"], """
            INSERT INTO {s}.artist_links (artist_id, kind, other_id)
            SELECT artist_id, 'a', alias_id FROM {s}.src_artist_aliases WHERE alias_id <> artist_id
            UNION SELECT alias_id, 'a', artist_id FROM {s}.src_artist_aliases WHERE alias_id <> artist_id
            UNION SELECT member_id, 'g', group_id FROM {s}.src_artist_members WHERE member_id <> group_id
            UNION SELECT artist_id, 'g', group_id FROM {s}.src_artist_groups WHERE artist_id <> group_id
            UNION SELECT group_id, 'm', member_id FROM {s}.src_artist_members WHERE member_id <> group_id
            UNION SELECT group_id, 'm', artist_id FROM {s}.src_artist_groups WHERE artist_id <> group_id
            """),
        Pairs("artist_labels", "release_artists", "artist_id", "release_labels", "label_id", paged: true),
        Pairs("artist_genres", "release_artists", "artist_id", "release_genres", "genre_id", paged: false),
        Pairs("artist_styles", "release_artists", "artist_id", "release_styles", "style_id", paged: false),
        Pairs("label_genres", "release_labels", "label_id", "release_genres", "genre_id", paged: true),
        Pairs("genre_styles", "release_genres", "genre_id", "release_styles", "style_id", paged: true),
        Pairs("style_labels", "release_styles", "style_id", "release_labels", "label_id", paged: true),
        Transposed("label_artists", "artist_labels", "label_id", "artist_id"),
        Transposed("genre_labels", "label_genres", "genre_id", "label_id"),
        Transposed("style_genres", "genre_styles", "style_id", "genre_id"),
        ByName("genre_artists", "artist_genres", "genre_id"),
        ByName("style_artists", "artist_styles", "style_id"),
        Stats("artist_stats", "artists", "artist_id", ("release_artists", "count(*)"), ("artist_labels", "count(*)"),
            ("artist_links", "count(DISTINCT other_id)")),
        Stats("label_stats", "labels", "label_id", ("release_labels", "count(*)"), ("label_artists", "count(*)"),
            ("label_genres", "count(*)")),
        Stats("genre_stats", "genres", "genre_id", ("release_genres", "count(*)"), ("genre_artists", "count(*)"),
            ("genre_labels", "count(*)"), ("genre_styles", "count(*)")),
        Stats("style_stats", "styles", "style_id", ("release_styles", "count(*)"), ("style_artists", "count(*)"),
            ("style_labels", "count(*)"), ("style_genres", "count(*)")),
        new("release_years", ["release_years"], ["releases"],
            "INSERT INTO {s}.release_years SELECT year, count(*) FROM {s}.releases WHERE year IS NOT NULL GROUP BY year"),
        Years("artist_years", "release_artists", "artist_id"),
        Years("label_years", "release_labels", "label_id"),
        Years("genre_years", "release_genres", "genre_id"),
        Years("style_years", "release_styles", "style_id"),
    ];

    /// <summary>The query tables' steps, then the discovery tables' and the autocomplete words'.</summary>
    public static IReadOnlyList<BuildStep> AllSteps { get; } = [.. Steps, .. DiscoveryBuild.Steps, .. NameWordsBuild.Steps];

    /// <summary>A release relation with the year and the child's place in the parent's list: newest first, undated
    /// last, then by id.</summary>
    private static BuildStep Relation(string table, string key, string keyExpression, string from, string[] reads) =>
        new(table, [table], [.. reads, "releases"],
        $$"""
        INSERT INTO {s}.{{table}} ({{key}}, release_id, year, pos)
        SELECT {{keyExpression}}, x.release_id, r.year, row_number() OVER (PARTITION BY {{keyExpression}} ORDER BY r.year DESC NULLS LAST, x.release_id)
        FROM {{from}} JOIN {s}.releases r ON r.id = x.release_id
        """);

    /// <summary>
    /// Distinct releases linking each pair (both relation tables hold one row per distinct pair, so count(*) is exact);
    /// paged pairs also get their place in the list: most shared releases first, then by child id.
    /// </summary>
    private static BuildStep Pairs(string table, string left, string leftKey, string right, string rightKey, bool paged) =>
        new(table, [table], [left, right],
        $$"""
        INSERT INTO {s}.{{table}}
        SELECT {{leftKey}}, {{rightKey}}, n{{(paged ? $", row_number() OVER (PARTITION BY {leftKey} ORDER BY n DESC, {rightKey})" : "")}}
        FROM (SELECT a.{{leftKey}}, b.{{rightKey}}, count(*) AS n FROM {s}.{{left}} a JOIN {s}.{{right}} b USING (release_id) GROUP BY 1, 2) counted
        """);

    private static BuildStep Transposed(string table, string source, string key, string child) => new(table, [table], [source],
        $$"""
        INSERT INTO {s}.{{table}}
        SELECT {{key}}, {{child}}, release_count, row_number() OVER (PARTITION BY {{key}} ORDER BY release_count DESC, {{child}}) FROM {s}.{{source}}
        """);

    /// <summary>The artists of a genre or style, listed by name in code-point order, then id (no count, as in the reference).</summary>
    private static BuildStep ByName(string table, string source, string key) => new(table, [table], [source, "artists"],
        $$"""
        INSERT INTO {s}.{{table}}
        SELECT x.{{key}}, x.artist_id, a.name, row_number() OVER (PARTITION BY x.{{key}} ORDER BY a.name COLLATE "C", x.artist_id)
        FROM {s}.{{source}} x JOIN {s}.artists a ON a.id = x.artist_id
        """);

    /// <summary>One row per entity with each category's count, grouped once and hash-joined (never a correlated count per row).</summary>
    private static BuildStep Stats(string table, string entities, string key, params (string Table, string Count)[] counts)
    {
        var joins = counts.Select((c, i) =>
            $"LEFT JOIN (SELECT {key}, {c.Count} AS n FROM {{s}}.{c.Table} GROUP BY 1) c{i} ON c{i}.{key} = e.id");
        var values = counts.Select((_, i) => $"COALESCE(c{i}.n, 0)");
        return new(table, [table], [entities, .. counts.Select(c => c.Table)],
            $"INSERT INTO {{s}}.{table} SELECT e.id, {string.Join(", ", values)} FROM {{s}}.{entities} e {string.Join(" ", joins)}");
    }

    private static BuildStep Years(string table, string relation, string key) => new(table, [table], [relation],
        $"INSERT INTO {{s}}.{table} SELECT {key}, year, count(*) FROM {{s}}.{relation} WHERE year IS NOT NULL GROUP BY 1, 2");

    /// <summary>
    /// Runs every step, each table's indexes (copied from the live schema) as soon as the table is built, and an
    /// VACUUM ANALYZE of each query table once its indexes exist: statistics (expression indexes have statistics of
    /// their own), and a visibility map, so index-only scans read no table pages from the first query on.
    /// </summary>
    public static async Task RunAsync(NpgsqlDataSource database, string schema, string liveSchema, BuildBudget budget, CatalogueShape shape,
        IImportProgress progress, CancellationToken cancellationToken)
    {
        var indexes = (await LiveIndexesAsync(database, liveSchema, cancellationToken))
            .Select(i => new BuildStep("index " + i.Name, [i.Table + ":indexes"], [i.Table],
                i.Definition.Replace($" ON {liveSchema}.", " ON {s}.", StringComparison.Ordinal)))
            .ToArray();
        var analyze = AllSteps.SelectMany(s => s.Writes).Distinct()
            .Select(t => new BuildStep("statistics " + t, [], [t, t + ":indexes"], $"VACUUM (ANALYZE) {{s}}.{t}"));
        var sources = AllSteps.SelectMany(s => s.Reads).Where(t => t.StartsWith("src_", StringComparison.Ordinal));
        BuildStep[] steps = [.. Shaped(AllSteps, shape), .. indexes, .. analyze];
        await new BuildScheduler(database, schema, budget, progress.StartBuild(steps.Length)).RunAsync(steps, sources, cancellationToken);
    }

    /// <summary>The steps with the <see cref="CatalogueShape"/>'s values in place of their placeholders.</summary>
    public static IReadOnlyList<BuildStep> Shaped(IEnumerable<BuildStep> steps, CatalogueShape shape) => steps.Select(s => s with
    {
        Sql = s.Sql
            .Replace(DiscoveryBuild.HubMinimumPlaceholder, shape.PathHubMinimumReleases.ToString(CultureInfo.InvariantCulture),
                StringComparison.Ordinal)
            .Replace(DiscoveryBuild.FacetMinimumPlaceholder, shape.SearchFacetMinimumPostings.ToString(CultureInfo.InvariantCulture),
                StringComparison.Ordinal),
    }).ToList();

    /// <summary>The live schema's indexes, read on a connection given back before the steps start.</summary>
    private static async Task<IEnumerable<(string Table, string Name, string Definition)>> LiveIndexesAsync(NpgsqlDataSource database,
        string liveSchema,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<(string Table, string Name, string Definition)>(new CommandDefinition(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = @liveSchema", new { liveSchema },
            cancellationToken: cancellationToken))).AsList();
    }
}
