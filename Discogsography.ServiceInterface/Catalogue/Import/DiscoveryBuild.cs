namespace Discogsography.ServiceInterface.Catalogue.Import;

/// <summary>
/// The build steps of the discovery tables (migration 0010, REFERENCE-UPSTREAM.md §A): search entries, collaborations,
/// first years, path hubs and their links, entity counts. They read only query tables, so they run after those.
/// </summary>
internal static class DiscoveryBuild
{
    /// <summary>Replaced by <see cref="CatalogueShape.PathHubMinimumReleases"/>.</summary>
    public const string HubMinimumPlaceholder = "{hub_minimum}";

    /// <summary>Replaced by <see cref="CatalogueShape.SearchFacetMinimumPostings"/>.</summary>
    public const string FacetMinimumPlaceholder = "{facet_minimum}";

    public static readonly IReadOnlyList<BuildStep> Steps =
    [
        Search("artists", "'a', id, name, NULL::int, NULL::text[]", "name", "FROM {s}.artists WHERE has_record", ["artists"]),
        Search("labels", "'l', id, name, NULL::int, NULL::text[]", "name", "FROM {s}.labels WHERE has_record", ["labels"]),
        Search("masters", "'m', id, COALESCE(title, ''), CASE WHEN year > 0 THEN year END, NULL::text[]", "title", "FROM {s}.masters",
            ["masters"]),
        Search("releases", "'r', r.id, COALESCE(r.title, ''), r.year, g.genres", "r.title", """
            FROM {s}.releases r
            LEFT JOIN (SELECT release_id, array_agg(genre ORDER BY genre COLLATE "C") AS genres FROM {s}.src_release_genres GROUP BY release_id) g
                   ON g.release_id = r.id
            """, ["releases", "src_release_genres"]),
        new("search postings", ["search_postings"], ["search_entries"], """
            INSERT INTO {s}.search_postings (lexeme, occurrences, kind, id, year, genres)
            SELECT t.lexeme, least(cardinality(t.positions), 32767), e.kind, e.id, e.year, e.genres FROM {s}.search_entries e, unnest(e.doc) t
            """),
        // IN, not JOIN: the planner cannot estimate how few words are common, and for a join it sorted every posting
        // (on disk, 24 of the step's 30 s with 9.5 M postings) where a hash of the common words does (5 s). The postings
        // of common words are grouped once by everything a facet counts (at 10 M releases, 13.4 M postings of common
        // words; grouping them three times sorted the decade facet's 11.5 M rows on disk), then each facet sums the groups.
        new("search facets", ["search_facets"], ["search_postings"], """
            WITH common AS MATERIALIZED (SELECT lexeme FROM {s}.search_postings GROUP BY lexeme HAVING count(*) > {facet_minimum}),
            groups AS MATERIALIZED (
                SELECT p.lexeme, p.kind, CASE WHEN p.kind IN ('m', 'r') AND p.year BETWEEN 1000 AND 9999 THEN p.year / 10 * 10 END AS decade,
                       CASE WHEN p.kind = 'r' THEN p.genres END AS genres, count(*) AS n
                FROM {s}.search_postings p WHERE p.lexeme IN (SELECT lexeme FROM common) GROUP BY 1, 2, 3, 4)
            INSERT INTO {s}.search_facets (lexeme, facet, key, count)
            SELECT lexeme, 't', kind, sum(n) FROM groups GROUP BY lexeme, kind
            UNION ALL SELECT lexeme, 'g', genre, sum(n) FROM groups, unnest(genres) AS genre GROUP BY lexeme, genre
            UNION ALL SELECT lexeme, 'd', decade::text, sum(n) FROM groups WHERE decade IS NOT NULL GROUP BY lexeme, decade
            """),
        new("collaborations", ["collaborations"], ["release_artists"], """
            INSERT INTO {s}.collaborations (artist_id, other_id, year, releases)
            SELECT a.artist_id, b.artist_id, a.year, count(*)
            FROM {s}.release_artists a JOIN {s}.release_artists b ON b.release_id = a.release_id AND b.artist_id <> a.artist_id
            WHERE a.year IS NOT NULL
            GROUP BY 1, 2, 3
            """),
        new("collaborators", ["collaborators"], ["collaborations"], """
            INSERT INTO {s}.collaborators (artist_id, other_id, release_count, first_year, last_year, pos)
            SELECT artist_id, other_id, sum(releases), min(year), max(year), row_number() OVER (PARTITION BY artist_id ORDER BY sum(releases) DESC, other_id)
            FROM {s}.collaborations GROUP BY 1, 2
            """),
        new("first_years", ["first_years"], ["genre_years", "style_years", "genres", "styles"], """
            INSERT INTO {s}.first_years (kind, name, first_year)
            SELECT 'g', g.name, min(y.year) FROM {s}.genre_years y JOIN {s}.genres g ON g.id = y.genre_id GROUP BY g.name
            UNION ALL
            SELECT 's', st.name, min(y.year) FROM {s}.style_years y JOIN {s}.styles st ON st.id = y.style_id GROUP BY st.name
            """),
        new("path_hubs", ["path_hubs"], ["genres", "style_stats", "label_stats", "artist_stats"], """
            INSERT INTO {s}.path_hubs (kind, id)
            SELECT 'g', id FROM {s}.genres
            UNION ALL SELECT 's', style_id FROM {s}.style_stats WHERE releases > {hub_minimum}
            UNION ALL SELECT 'l', label_id FROM {s}.label_stats WHERE releases > {hub_minimum}
            UNION ALL SELECT 'a', artist_id FROM {s}.artist_stats WHERE releases > {hub_minimum}
            """),
        // A link and its reverse share their lowest release: each pair is found once, ordered, and written both ways
        // (half the join rows and half the grouping of joining both ways). A hub is one bigint while pairs are found
        // (its kind's place in "gsla" above 40 bits of id): the join compares and the grouping hashes 6.6 M rows at
        // 1 M releases, and a row comparison of (char, bigint) cost 11.1 s where a bigint does 6.7 s.
        new("hub_links", ["hub_links"], ["path_hubs", "release_artists", "release_labels", "release_genres", "release_styles"], """
            WITH touches AS MATERIALIZED (
                SELECT (1::bigint << 40) | x.genre_id AS hub, x.release_id FROM {s}.release_genres x
                UNION ALL SELECT (2::bigint << 40) | x.style_id, x.release_id FROM {s}.release_styles x
                          JOIN {s}.path_hubs h ON h.kind = 's' AND h.id = x.style_id
                UNION ALL SELECT (3::bigint << 40) | x.label_id, x.release_id FROM {s}.release_labels x
                          JOIN {s}.path_hubs h ON h.kind = 'l' AND h.id = x.label_id
                UNION ALL SELECT (4::bigint << 40) | x.artist_id, x.release_id FROM {s}.release_artists x
                          JOIN {s}.path_hubs h ON h.kind = 'a' AND h.id = x.artist_id),
            pairs AS MATERIALIZED (
                SELECT a.hub AS a_hub, b.hub AS b_hub, min(a.release_id) AS release_id
                FROM touches a JOIN touches b ON b.release_id = a.release_id AND b.hub > a.hub
                GROUP BY 1, 2),
            named AS (
                SELECT substr('gsla', (a_hub >> 40)::int, 1)::char AS a_kind, a_hub & ((1::bigint << 40) - 1) AS a_id,
                       substr('gsla', (b_hub >> 40)::int, 1)::char AS b_kind, b_hub & ((1::bigint << 40) - 1) AS b_id, release_id
                FROM pairs)
            INSERT INTO {s}.hub_links (hub_kind, hub_id, other_kind, other_id, release_id)
            SELECT a_kind, a_id, b_kind, b_id, release_id FROM named
            UNION ALL SELECT b_kind, b_id, a_kind, a_id, release_id FROM named
            """),
        PairYears("genre_style_years", "release_genres", "genre_id", "release_styles", "style_id"),
        PairYears("label_genre_years", "release_labels", "label_id", "release_genres", "genre_id"),
        new("entity_counts", ["entity_counts"], ["artists", "labels", "releases", "masters", "genres", "styles"], """
            INSERT INTO {s}.entity_counts (artists, labels, releases, masters, genres, styles)
            SELECT (SELECT count(*) FROM {s}.artists), (SELECT count(*) FROM {s}.labels), (SELECT count(*) FROM {s}.releases),
                   (SELECT count(*) FROM {s}.masters)
                   + (SELECT count(DISTINCT r.master_id) FROM {s}.releases r
                      WHERE r.master_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {s}.masters m WHERE m.id = r.master_id)),
                   (SELECT count(*) FROM {s}.genres), (SELECT count(*) FROM {s}.styles)
            """),
    ];

    /// <summary>Releases linking each pair, per year (both relation tables hold one row per distinct pair).</summary>
    private static BuildStep PairYears(string table, string left, string leftKey, string right, string rightKey) =>
        new(table, [table], [left, right],
        $$"""
        INSERT INTO {s}.{{table}} ({{leftKey}}, {{rightKey}}, year, releases)
        SELECT a.{{leftKey}}, b.{{rightKey}}, a.year, count(*) FROM {s}.{{left}} a JOIN {s}.{{right}} b USING (release_id) WHERE a.year IS NOT NULL GROUP BY 1, 2, 3
        """);

    /// <summary>
    /// Search entries of one kind: rows whose text has at least one lexeme (the others can never match). OFFSET 0
    /// keeps the filter out of the subquery, where the planner would compute each document twice (filter and output).
    /// </summary>
    private static BuildStep Search(string kind, string columns, string text, string from, string[] reads) =>
        new("search " + kind, ["search_entries"], reads,
        $$"""
        INSERT INTO {s}.search_entries (kind, id, name, year, genres, doc)
        SELECT * FROM (SELECT {{columns}}, to_tsvector('english', COALESCE({{text}}, '')) AS doc {{from}} OFFSET 0) e
        WHERE e.doc <> ''::tsvector
        """);
}
