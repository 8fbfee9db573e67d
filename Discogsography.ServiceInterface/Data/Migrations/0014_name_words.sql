-- Autocomplete by word (REFERENCE-API.md §9.3): the reference's query `q*` runs against a full-text index, so it
-- matches any word of an artist's or label's name ("persu" finds "The Persuader"), and the newer one's
-- `term1* AND term2*` (REFERENCE-UPSTREAM.md §0.5) needs every term to start some word. Each lowercased word of every
-- artist (kind a) and label (kind l) name but the word the name starts with (the name-prefix index finds that one), so
-- a term's matches are one index range in word order.
-- A catalogue imported before this migration gets it on the next start (CatalogueBackfill) or import.
CREATE TABLE graph.name_words (kind CHAR(1) NOT NULL, word TEXT COLLATE "C" NOT NULL, id BIGINT NOT NULL);
CREATE INDEX name_words_word ON graph.name_words (kind, word, id);
