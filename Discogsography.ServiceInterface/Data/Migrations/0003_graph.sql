-- The Discogs catalogue as a graph in PostgreSQL (docs/decisions/0008). Two layers:
--   src_*   what the dump files say, loaded by binary COPY (kept so a later import of a subset can rebuild);
--   others  derived from src_* by the importer: entities, relations with the release year denormalized,
--           per-entity category counts, per-year counts and pair counts, so every query is an index lookup.
-- An import builds all of it in schema graph_staging (cloned from these definitions) and swaps schemas.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE SCHEMA IF NOT EXISTS graph;

-- Source layer ------------------------------------------------------------------------------------------
CREATE TABLE graph.src_artists (id BIGINT NOT NULL, name TEXT NOT NULL, real_name TEXT);
CREATE TABLE graph.src_artist_aliases (artist_id BIGINT NOT NULL, alias_id BIGINT NOT NULL, alias_name TEXT);
CREATE TABLE graph.src_artist_members (group_id BIGINT NOT NULL, member_id BIGINT NOT NULL, member_name TEXT);
CREATE TABLE graph.src_artist_groups (artist_id BIGINT NOT NULL, group_id BIGINT NOT NULL, group_name TEXT);
CREATE TABLE graph.src_labels (id BIGINT NOT NULL, name TEXT NOT NULL, parent_id BIGINT, parent_name TEXT);
CREATE TABLE graph.src_masters (id BIGINT NOT NULL, title TEXT, year INTEGER, main_release_id BIGINT);
CREATE TABLE graph.src_releases (
    id BIGINT NOT NULL, title TEXT, status TEXT, country TEXT, released TEXT, master_id BIGINT, formats TEXT[]);
CREATE TABLE graph.src_release_artists (release_id BIGINT NOT NULL, artist_id BIGINT NOT NULL, artist_name TEXT);
CREATE TABLE graph.src_release_labels (release_id BIGINT NOT NULL, label_id BIGINT NOT NULL, label_name TEXT, catno TEXT);
CREATE TABLE graph.src_release_genres (release_id BIGINT NOT NULL, genre TEXT NOT NULL);
CREATE TABLE graph.src_release_styles (release_id BIGINT NOT NULL, style TEXT NOT NULL);

-- Entities ----------------------------------------------------------------------------------------------
-- Artists and labels referenced by another record but absent from their own file are kept as stubs
-- (has_record = false) under the name the reference carries.
CREATE TABLE graph.artists (id BIGINT PRIMARY KEY, name TEXT NOT NULL, real_name TEXT, has_record BOOLEAN NOT NULL);
CREATE INDEX artists_name ON graph.artists (name COLLATE "C", id);
CREATE INDEX artists_name_prefix ON graph.artists (lower(name) text_pattern_ops);
CREATE INDEX artists_name_trgm ON graph.artists USING gin (lower(name) gin_trgm_ops);

CREATE TABLE graph.labels (id BIGINT PRIMARY KEY, name TEXT NOT NULL, parent_id BIGINT, has_record BOOLEAN NOT NULL);
CREATE INDEX labels_name ON graph.labels (name COLLATE "C", id);
CREATE INDEX labels_name_prefix ON graph.labels (lower(name) text_pattern_ops);
CREATE INDEX labels_name_trgm ON graph.labels USING gin (lower(name) gin_trgm_ops);

CREATE TABLE graph.genres (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE INDEX genres_name_lower ON graph.genres (lower(name) text_pattern_ops);
CREATE TABLE graph.styles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE INDEX styles_name_lower ON graph.styles (lower(name) text_pattern_ops);

CREATE TABLE graph.masters (id BIGINT PRIMARY KEY, title TEXT, year INTEGER, main_release_id BIGINT);

-- year: the master's year when it is > 0, else the year of the release's own `released` date, else NULL.
CREATE TABLE graph.releases (
    id BIGINT PRIMARY KEY, title TEXT, year INTEGER, master_id BIGINT, country TEXT, released TEXT, status TEXT, formats TEXT[]);
CREATE INDEX releases_title ON graph.releases (title COLLATE "C", id);

-- Relations: one row per distinct pair (the parser writes each pair once), with the year denormalized and pos,
-- the child's place in its parent's list (newest first, undated last, then by id), so any page — however deep —
-- is a range scan of `limit` index entries.
CREATE TABLE graph.release_artists (artist_id BIGINT NOT NULL, release_id BIGINT NOT NULL, year INTEGER, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX release_artists_page ON graph.release_artists (artist_id, pos) INCLUDE (release_id, year);
CREATE INDEX release_artists_release ON graph.release_artists (release_id);
CREATE TABLE graph.release_labels (label_id BIGINT NOT NULL, release_id BIGINT NOT NULL, year INTEGER, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX release_labels_page ON graph.release_labels (label_id, pos) INCLUDE (release_id, year);
CREATE INDEX release_labels_release ON graph.release_labels (release_id);
CREATE TABLE graph.release_genres (genre_id INTEGER NOT NULL, release_id BIGINT NOT NULL, year INTEGER, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX release_genres_page ON graph.release_genres (genre_id, pos) INCLUDE (release_id, year);
CREATE INDEX release_genres_release ON graph.release_genres (release_id);
CREATE TABLE graph.release_styles (style_id INTEGER NOT NULL, release_id BIGINT NOT NULL, year INTEGER, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX release_styles_page ON graph.release_styles (style_id, pos) INCLUDE (release_id, year);
CREATE INDEX release_styles_release ON graph.release_styles (release_id);

-- An artist's aliases, the groups it belongs to and its members, deduplicated per kind.
CREATE TABLE graph.artist_links (artist_id BIGINT NOT NULL, kind CHAR(1) NOT NULL, other_id BIGINT NOT NULL, PRIMARY KEY (artist_id, kind, other_id));
CREATE INDEX artist_links_by_other ON graph.artist_links (artist_id, other_id);

-- Pair counts: how many distinct releases link the two, with pos, the child's place in the expand list
-- (most shared releases first, then by id; artists of a genre or style by name) ------------------------
CREATE TABLE graph.artist_labels (artist_id BIGINT NOT NULL, label_id BIGINT NOT NULL, release_count INTEGER NOT NULL, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX artist_labels_page ON graph.artist_labels (artist_id, pos);
CREATE TABLE graph.artist_genres (artist_id BIGINT NOT NULL, genre_id INTEGER NOT NULL, release_count INTEGER NOT NULL);
CREATE INDEX artist_genres_artist ON graph.artist_genres (artist_id);
CREATE TABLE graph.artist_styles (artist_id BIGINT NOT NULL, style_id INTEGER NOT NULL, release_count INTEGER NOT NULL);
CREATE INDEX artist_styles_artist ON graph.artist_styles (artist_id);
CREATE TABLE graph.label_artists (label_id BIGINT NOT NULL, artist_id BIGINT NOT NULL, release_count INTEGER NOT NULL, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX label_artists_page ON graph.label_artists (label_id, pos);
CREATE TABLE graph.label_genres (label_id BIGINT NOT NULL, genre_id INTEGER NOT NULL, release_count INTEGER NOT NULL, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX label_genres_page ON graph.label_genres (label_id, pos);
CREATE TABLE graph.genre_artists (genre_id INTEGER NOT NULL, artist_id BIGINT NOT NULL, artist_name TEXT NOT NULL, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX genre_artists_page ON graph.genre_artists (genre_id, pos);
CREATE TABLE graph.genre_labels (genre_id INTEGER NOT NULL, label_id BIGINT NOT NULL, release_count INTEGER NOT NULL, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX genre_labels_page ON graph.genre_labels (genre_id, pos);
CREATE TABLE graph.genre_styles (genre_id INTEGER NOT NULL, style_id INTEGER NOT NULL, release_count INTEGER NOT NULL, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX genre_styles_page ON graph.genre_styles (genre_id, pos);
CREATE TABLE graph.style_artists (style_id INTEGER NOT NULL, artist_id BIGINT NOT NULL, artist_name TEXT NOT NULL, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX style_artists_page ON graph.style_artists (style_id, pos);
CREATE TABLE graph.style_labels (style_id INTEGER NOT NULL, label_id BIGINT NOT NULL, release_count INTEGER NOT NULL, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX style_labels_page ON graph.style_labels (style_id, pos);
CREATE TABLE graph.style_genres (style_id INTEGER NOT NULL, genre_id INTEGER NOT NULL, release_count INTEGER NOT NULL, pos INTEGER NOT NULL);
CREATE UNIQUE INDEX style_genres_page ON graph.style_genres (style_id, pos);

-- Explore's category counts, one row per entity -----------------------------------------------------------
CREATE TABLE graph.artist_stats (artist_id BIGINT PRIMARY KEY, releases INTEGER NOT NULL, labels INTEGER NOT NULL, aliases INTEGER NOT NULL);
CREATE TABLE graph.label_stats (label_id BIGINT PRIMARY KEY, releases INTEGER NOT NULL, artists INTEGER NOT NULL, genres INTEGER NOT NULL);
CREATE TABLE graph.genre_stats (genre_id INTEGER PRIMARY KEY, releases INTEGER NOT NULL, artists INTEGER NOT NULL, labels INTEGER NOT NULL, styles INTEGER NOT NULL);
CREATE TABLE graph.style_stats (style_id INTEGER PRIMARY KEY, releases INTEGER NOT NULL, artists INTEGER NOT NULL, labels INTEGER NOT NULL, genres INTEGER NOT NULL);

-- Trends: releases per year, per entity ----------------------------------------------------------------------
CREATE TABLE graph.artist_years (artist_id BIGINT NOT NULL, year INTEGER NOT NULL, releases INTEGER NOT NULL, PRIMARY KEY (artist_id, year));
CREATE TABLE graph.label_years (label_id BIGINT NOT NULL, year INTEGER NOT NULL, releases INTEGER NOT NULL, PRIMARY KEY (label_id, year));
CREATE TABLE graph.genre_years (genre_id INTEGER NOT NULL, year INTEGER NOT NULL, releases INTEGER NOT NULL, PRIMARY KEY (genre_id, year));
CREATE TABLE graph.style_years (style_id INTEGER NOT NULL, year INTEGER NOT NULL, releases INTEGER NOT NULL, PRIMARY KEY (style_id, year));

-- What the live catalogue was built from.
CREATE TABLE graph.catalog_info (
    import_id UUID NOT NULL, imported_at TIMESTAMPTZ NOT NULL, files JSONB NOT NULL, counts JSONB NOT NULL);
