-- Dump downloads and imports as durable jobs (the NAS downloader seed, for Discogs data): any instance claims a
-- pending row, heartbeats while it runs, and a row whose worker stopped is claimed again; at most one runs at once
-- (imports replace the catalogue). status: pending -> running -> completed | failed | cancelled;
-- phase: download -> verify -> import (download and verify only for URL imports with a checksum).
CREATE TABLE import_jobs (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    source_url       TEXT,
    source_path      TEXT,
    checksum_url     TEXT,
    status           VARCHAR(32) NOT NULL DEFAULT 'pending',
    phase            VARCHAR(32),
    bytes_done       BIGINT NOT NULL DEFAULT 0,
    bytes_total      BIGINT,
    files            JSONB NOT NULL DEFAULT '[]'::jsonb,
    error            TEXT,
    requested_by     UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    started_at       TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ,
    heartbeat_at     TIMESTAMPTZ,
    claimed_by       VARCHAR(255),
    attempts         INTEGER NOT NULL DEFAULT 0,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    CHECK ((source_url IS NULL) <> (source_path IS NULL))
);
CREATE INDEX import_jobs_created ON import_jobs (created_at DESC);
CREATE INDEX import_jobs_active ON import_jobs (created_at) WHERE status IN ('pending', 'running');
