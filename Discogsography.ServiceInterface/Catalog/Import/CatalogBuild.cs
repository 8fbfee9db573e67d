using Dapper;
using Npgsql;

namespace Discogsography.ServiceInterface.Catalog.Import;

/// <summary>
/// Builds every query table of the staging schema from its <c>src_*</c> tables, in dependency order. Each step
/// is one SQL statement over <c>{s}</c>, the staging schema; the semantics are the ones the explore endpoints
/// document (README, "Catalogue"), and the tests recompute them independently from the XML.
/// </summary>
internal static class CatalogBuild
{
    /// <summary>(description, SQL) in order.</summary>
    public static readonly IReadOnlyList<(string Step, string Sql)> Steps =
    [
        ("artists", """
            INSERT INTO {s}.artists (id, name, real_name, has_record)
            SELECT DISTINCT ON (id) id, name, real_name, true FROM {s}.src_artists ORDER BY id, name;
            INSERT INTO {s}.artists (id, name, real_name, has_record)
            SELECT DISTINCT ON (id) id, name, NULL, false FROM (
                SELECT artist_id AS id, artist_name AS name, 1 AS source, release_id AS seq FROM {s}.src_release_artists
                UNION ALL SELECT alias_id, alias_name, 2, artist_id FROM {s}.src_artist_aliases
                UNION ALL SELECT member_id, member_name, 3, group_id FROM {s}.src_artist_members
                UNION ALL SELECT group_id, group_name, 4, artist_id FROM {s}.src_artist_groups) refs
            WHERE name <> '' AND NOT EXISTS (SELECT 1 FROM {s}.src_artists a WHERE a.id = refs.id)
            ORDER BY id, source, seq;
            """),
        ("labels", """
            INSERT INTO {s}.labels (id, name, parent_id, has_record)
            SELECT DISTINCT ON (id) id, name, parent_id, true FROM {s}.src_labels ORDER BY id, name;
            INSERT INTO {s}.labels (id, name, parent_id, has_record)
            SELECT DISTINCT ON (id) id, name, NULL, false FROM (
                SELECT label_id AS id, label_name AS name, 1 AS source, release_id AS seq FROM {s}.src_release_labels
                UNION ALL SELECT parent_id, parent_name, 2, id FROM {s}.src_labels WHERE parent_id IS NOT NULL) refs
            WHERE name <> '' AND NOT EXISTS (SELECT 1 FROM {s}.src_labels l WHERE l.id = refs.id)
            ORDER BY id, source, seq;
            """),
        ("genres and styles", """
            INSERT INTO {s}.genres (id, name)
            SELECT row_number() OVER (ORDER BY genre COLLATE "C"), genre FROM (SELECT DISTINCT genre FROM {s}.src_release_genres) g;
            INSERT INTO {s}.styles (id, name)
            SELECT row_number() OVER (ORDER BY style COLLATE "C"), style FROM (SELECT DISTINCT style FROM {s}.src_release_styles) s;
            """),
        ("masters", """
            INSERT INTO {s}.masters (id, title, year, main_release_id)
            SELECT DISTINCT ON (id) id, title, year, main_release_id FROM {s}.src_masters ORDER BY id;
            """),
        ("releases", """
            INSERT INTO {s}.releases (id, title, year, master_id, country, released, status, formats)
            SELECT DISTINCT ON (r.id) r.id, r.title,
                   CASE WHEN m.year > 0 THEN m.year
                        WHEN r.released ~ '^[0-9]{4}' AND substr(r.released, 1, 4)::int > 0 THEN substr(r.released, 1, 4)::int END,
                   r.master_id, r.country, r.released, r.status, r.formats
            FROM {s}.src_releases r LEFT JOIN {s}.masters m ON m.id = r.master_id
            ORDER BY r.id;
            """),
        ("release relations", """
            INSERT INTO {s}.release_artists (artist_id, release_id, year)
            SELECT DISTINCT ra.artist_id, ra.release_id, r.year FROM {s}.src_release_artists ra JOIN {s}.releases r ON r.id = ra.release_id;
            INSERT INTO {s}.release_labels (label_id, release_id, year)
            SELECT DISTINCT rl.label_id, rl.release_id, r.year FROM {s}.src_release_labels rl JOIN {s}.releases r ON r.id = rl.release_id;
            INSERT INTO {s}.release_genres (genre_id, release_id, year)
            SELECT DISTINCT g.id, rg.release_id, r.year FROM {s}.src_release_genres rg
            JOIN {s}.genres g ON g.name = rg.genre JOIN {s}.releases r ON r.id = rg.release_id;
            INSERT INTO {s}.release_styles (style_id, release_id, year)
            SELECT DISTINCT st.id, rs.release_id, r.year FROM {s}.src_release_styles rs
            JOIN {s}.styles st ON st.name = rs.style JOIN {s}.releases r ON r.id = rs.release_id;
            """),
        ("artist links", """
            INSERT INTO {s}.artist_links (artist_id, kind, other_id)
            SELECT artist_id, 'a', alias_id FROM {s}.src_artist_aliases WHERE alias_id <> artist_id
            UNION SELECT member_id, 'g', group_id FROM {s}.src_artist_members WHERE member_id <> group_id
            UNION SELECT artist_id, 'g', group_id FROM {s}.src_artist_groups WHERE artist_id <> group_id
            UNION SELECT group_id, 'm', member_id FROM {s}.src_artist_members WHERE member_id <> group_id
            UNION SELECT group_id, 'm', artist_id FROM {s}.src_artist_groups WHERE artist_id <> group_id;
            """),
        ("artist pairs", """
            INSERT INTO {s}.artist_labels SELECT ra.artist_id, rl.label_id, count(*) FROM {s}.release_artists ra JOIN {s}.release_labels rl USING (release_id) GROUP BY 1, 2;
            INSERT INTO {s}.artist_genres SELECT ra.artist_id, rg.genre_id, count(*) FROM {s}.release_artists ra JOIN {s}.release_genres rg USING (release_id) GROUP BY 1, 2;
            INSERT INTO {s}.artist_styles SELECT ra.artist_id, rs.style_id, count(*) FROM {s}.release_artists ra JOIN {s}.release_styles rs USING (release_id) GROUP BY 1, 2;
            """),
        ("label pairs", """
            INSERT INTO {s}.label_artists SELECT label_id, artist_id, release_count FROM {s}.artist_labels;
            INSERT INTO {s}.label_genres SELECT rl.label_id, rg.genre_id, count(*) FROM {s}.release_labels rl JOIN {s}.release_genres rg USING (release_id) GROUP BY 1, 2;
            """),
        ("genre and style pairs", """
            INSERT INTO {s}.genre_artists SELECT ag.genre_id, ag.artist_id, a.name FROM {s}.artist_genres ag JOIN {s}.artists a ON a.id = ag.artist_id;
            INSERT INTO {s}.genre_labels SELECT genre_id, label_id, release_count FROM {s}.label_genres;
            INSERT INTO {s}.genre_styles SELECT rg.genre_id, rs.style_id, count(*) FROM {s}.release_genres rg JOIN {s}.release_styles rs USING (release_id) GROUP BY 1, 2;
            INSERT INTO {s}.style_artists SELECT ast.style_id, ast.artist_id, a.name FROM {s}.artist_styles ast JOIN {s}.artists a ON a.id = ast.artist_id;
            INSERT INTO {s}.style_labels SELECT rs.style_id, rl.label_id, count(*) FROM {s}.release_styles rs JOIN {s}.release_labels rl USING (release_id) GROUP BY 1, 2;
            INSERT INTO {s}.style_genres SELECT style_id, genre_id, release_count FROM {s}.genre_styles;
            """),
        // Grouped once and hash-joined: a correlated count per entity would be quadratic (no indexes exist yet).
        ("category counts", """
            INSERT INTO {s}.artist_stats (artist_id, releases, labels, aliases)
            SELECT a.id, COALESCE(r.n, 0), COALESCE(l.n, 0), COALESCE(k.n, 0) FROM {s}.artists a
            LEFT JOIN (SELECT artist_id, count(*) AS n FROM {s}.release_artists GROUP BY 1) r ON r.artist_id = a.id
            LEFT JOIN (SELECT artist_id, count(*) AS n FROM {s}.artist_labels GROUP BY 1) l ON l.artist_id = a.id
            LEFT JOIN (SELECT artist_id, count(DISTINCT other_id) AS n FROM {s}.artist_links GROUP BY 1) k ON k.artist_id = a.id;
            INSERT INTO {s}.label_stats (label_id, releases, artists, genres)
            SELECT lb.id, COALESCE(r.n, 0), COALESCE(a.n, 0), COALESCE(g.n, 0) FROM {s}.labels lb
            LEFT JOIN (SELECT label_id, count(*) AS n FROM {s}.release_labels GROUP BY 1) r ON r.label_id = lb.id
            LEFT JOIN (SELECT label_id, count(*) AS n FROM {s}.label_artists GROUP BY 1) a ON a.label_id = lb.id
            LEFT JOIN (SELECT label_id, count(*) AS n FROM {s}.label_genres GROUP BY 1) g ON g.label_id = lb.id;
            INSERT INTO {s}.genre_stats (genre_id, releases, artists, labels, styles)
            SELECT g.id, COALESCE(r.n, 0), COALESCE(a.n, 0), COALESCE(l.n, 0), COALESCE(st.n, 0) FROM {s}.genres g
            LEFT JOIN (SELECT genre_id, count(*) AS n FROM {s}.release_genres GROUP BY 1) r ON r.genre_id = g.id
            LEFT JOIN (SELECT genre_id, count(*) AS n FROM {s}.genre_artists GROUP BY 1) a ON a.genre_id = g.id
            LEFT JOIN (SELECT genre_id, count(*) AS n FROM {s}.genre_labels GROUP BY 1) l ON l.genre_id = g.id
            LEFT JOIN (SELECT genre_id, count(*) AS n FROM {s}.genre_styles GROUP BY 1) st ON st.genre_id = g.id;
            INSERT INTO {s}.style_stats (style_id, releases, artists, labels, genres)
            SELECT st.id, COALESCE(r.n, 0), COALESCE(a.n, 0), COALESCE(l.n, 0), COALESCE(g.n, 0) FROM {s}.styles st
            LEFT JOIN (SELECT style_id, count(*) AS n FROM {s}.release_styles GROUP BY 1) r ON r.style_id = st.id
            LEFT JOIN (SELECT style_id, count(*) AS n FROM {s}.style_artists GROUP BY 1) a ON a.style_id = st.id
            LEFT JOIN (SELECT style_id, count(*) AS n FROM {s}.style_labels GROUP BY 1) l ON l.style_id = st.id
            LEFT JOIN (SELECT style_id, count(*) AS n FROM {s}.style_genres GROUP BY 1) g ON g.style_id = st.id;
            """),
        ("yearly counts", """
            INSERT INTO {s}.artist_years SELECT artist_id, year, count(*) FROM {s}.release_artists WHERE year IS NOT NULL GROUP BY 1, 2;
            INSERT INTO {s}.label_years SELECT label_id, year, count(*) FROM {s}.release_labels WHERE year IS NOT NULL GROUP BY 1, 2;
            INSERT INTO {s}.genre_years SELECT genre_id, year, count(*) FROM {s}.release_genres WHERE year IS NOT NULL GROUP BY 1, 2;
            INSERT INTO {s}.style_years SELECT style_id, year, count(*) FROM {s}.release_styles WHERE year IS NOT NULL GROUP BY 1, 2;
            """),
    ];

    /// <summary>Runs every step, then creates the live schema's indexes on the staging tables and analyzes them.</summary>
    public static async Task RunAsync(NpgsqlConnection connection, string schema, string liveSchema, Action<string> onStep, CancellationToken cancellationToken)
    {
        foreach (var (step, sql) in Steps)
        {
            onStep(step);
            await Execute(connection, sql.Replace("{s}", schema, StringComparison.Ordinal), cancellationToken);
        }
        onStep("indexes");
        var indexes = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = @liveSchema ORDER BY tablename, indexname", new { liveSchema }, cancellationToken: cancellationToken));
        foreach (var definition in indexes)
            await Execute(connection, definition.Replace($" ON {liveSchema}.", $" ON {schema}.", StringComparison.Ordinal), cancellationToken);
        onStep("statistics");
        await Execute(connection, $"ANALYZE {string.Join(", ", await TablesAsync(connection, schema, cancellationToken))}", cancellationToken);
    }

    /// <summary>The qualified names of the tables of <paramref name="schema"/>.</summary>
    public static async Task<IReadOnlyList<string>> TablesAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables WHERE schemaname = @schema ORDER BY tablename",
            new { schema }, cancellationToken: cancellationToken))).AsList();

    private static Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0, cancellationToken: cancellationToken));
}
