-- What the discovery routes read (REFERENCE-UPSTREAM.md §A), all built at import beside everything else so the
-- catalogue swap stays atomic. A catalogue imported before this migration gets them on the next start
-- (CatalogBackfill) or import.

-- Full-text search (§A.1): one row per artist, label, master and release record whose name or title has a lexeme
-- under the `english` configuration, with the year (masters: their own; releases: the master's, else their own
-- `released` year) and the release's genres (code-point order), so filters and facets need no join.
CREATE TABLE graph.search_entries (
    kind CHAR(1) NOT NULL,            -- a artist, l label, m master, r release
    id BIGINT NOT NULL,
    name TEXT NOT NULL,
    year INTEGER,
    genres TEXT[],
    doc TSVECTOR NOT NULL);
CREATE INDEX search_entries_doc ON graph.search_entries USING gin (doc);
CREATE UNIQUE INDEX search_entries_key ON graph.search_entries (kind, id);
-- Every lexeme of every entry, with how often it occurs there: a one-word query's ts_rank grows with that count alone
-- (all our lexemes have weight D), so its matches are one index range already in rank order, then (kind, id).
CREATE TABLE graph.search_postings (
    lexeme TEXT NOT NULL, occurrences SMALLINT NOT NULL, kind CHAR(1) NOT NULL, id BIGINT NOT NULL, year INTEGER, genres TEXT[]);
CREATE INDEX search_postings_rank ON graph.search_postings (lexeme COLLATE "C", occurrences DESC, kind, id) INCLUDE (year, genres);
-- The facets of the words in many names (CatalogShape.SearchFacetMinimumPostings, 1000 by default), counted once:
-- per kind (t), per genre of the releases (g) and per decade of the masters and releases (d).
CREATE TABLE graph.search_facets (lexeme TEXT NOT NULL, facet CHAR(1) NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL);
CREATE INDEX search_facets_lexeme ON graph.search_facets (lexeme COLLATE "C");

-- Collaborators (§A.6): for every pair of artists credited on the same dated release, how many such releases per
-- year, and per pair the totals in list order (most shared releases first, then by the other artist's id).
CREATE TABLE graph.collaborations (artist_id BIGINT NOT NULL, other_id BIGINT NOT NULL, year INTEGER NOT NULL, releases INTEGER NOT NULL);
CREATE UNIQUE INDEX collaborations_pair ON graph.collaborations (artist_id, other_id, year) INCLUDE (releases);
CREATE TABLE graph.collaborators (
    artist_id BIGINT NOT NULL, other_id BIGINT NOT NULL, release_count INTEGER NOT NULL, first_year INTEGER NOT NULL, last_year INTEGER NOT NULL,
    pos INTEGER NOT NULL);
CREATE UNIQUE INDEX collaborators_page ON graph.collaborators (artist_id, pos) INCLUDE (other_id, release_count, first_year, last_year);

-- Genre emergence (§A.5): the year of the earliest dated release of each genre (kind g) and style (kind s).
CREATE TABLE graph.first_years (kind CHAR(1) NOT NULL, name TEXT NOT NULL, first_year INTEGER NOT NULL);
CREATE INDEX first_years_by_year ON graph.first_years (kind, first_year, name COLLATE "C");

-- Shortest paths (§A.2). Hubs are the nodes a breadth-first search must not list the releases of (every genre; styles,
-- labels and artists on more than CatalogShape.PathHubMinimumReleases releases, 1000 by default). hub_links joins every two hubs that share a
-- release, through the lowest such release, so a search steps from hub to hub without listing either's releases.
CREATE TABLE graph.path_hubs (kind CHAR(1) NOT NULL, id BIGINT NOT NULL, PRIMARY KEY (kind, id));
CREATE TABLE graph.hub_links (hub_kind CHAR(1) NOT NULL, hub_id BIGINT NOT NULL, other_kind CHAR(1) NOT NULL, other_id BIGINT NOT NULL, release_id BIGINT NOT NULL);
CREATE UNIQUE INDEX hub_links_from ON graph.hub_links (hub_kind, hub_id, other_kind, other_id) INCLUDE (release_id);
-- A release's master, for DERIVED_FROM steps from a master to its releases.
CREATE INDEX releases_master ON graph.releases (master_id) WHERE master_id IS NOT NULL;

-- Expand under before_year (§A.8): the counted categories count, per child, the parent's releases up to a year. A
-- release's children come from the relation tables by release id, without reading a table row; genres and styles
-- of a genre, style or label also have their counts per year, so a sum over at most a few thousand rows answers.
DROP INDEX graph.release_artists_release;
CREATE INDEX release_artists_release ON graph.release_artists (release_id) INCLUDE (artist_id);
DROP INDEX graph.release_labels_release;
CREATE INDEX release_labels_release ON graph.release_labels (release_id) INCLUDE (label_id);
DROP INDEX graph.release_genres_release;
CREATE INDEX release_genres_release ON graph.release_genres (release_id) INCLUDE (genre_id);
DROP INDEX graph.release_styles_release;
CREATE INDEX release_styles_release ON graph.release_styles (release_id) INCLUDE (style_id);
CREATE TABLE graph.genre_style_years (genre_id INTEGER NOT NULL, style_id INTEGER NOT NULL, year INTEGER NOT NULL, releases INTEGER NOT NULL);
CREATE INDEX genre_style_years_genre ON graph.genre_style_years (genre_id, year) INCLUDE (style_id, releases);
CREATE INDEX genre_style_years_style ON graph.genre_style_years (style_id, year) INCLUDE (genre_id, releases);
CREATE TABLE graph.label_genre_years (label_id BIGINT NOT NULL, genre_id INTEGER NOT NULL, year INTEGER NOT NULL, releases INTEGER NOT NULL);
CREATE INDEX label_genre_years_label ON graph.label_genre_years (label_id, year) INCLUDE (genre_id, releases);

-- Graph statistics (§A.7): entity counts, stubs included (masters referenced by a release but absent from the
-- masters file count too).
CREATE TABLE graph.entity_counts (
    artists BIGINT NOT NULL, labels BIGINT NOT NULL, releases BIGINT NOT NULL, masters BIGINT NOT NULL, genres BIGINT NOT NULL, styles BIGINT NOT NULL);
