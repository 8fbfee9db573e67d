-- Sync runs become durable jobs (ARCHITECTURE.md §5): any instance claims a pending row with FOR UPDATE SKIP LOCKED,
-- heartbeats while it runs, and a row whose worker stopped heartbeating is claimed again. New columns have
-- defaults, so the Python service can still insert and read sync_history.
--
-- status: pending -> running -> completed | failed | cancelled (the reference writes running, completed, failed).

ALTER TABLE sync_history
    ADD COLUMN IF NOT EXISTS claimed_by        VARCHAR(255),
    ADD COLUMN IF NOT EXISTS heartbeat_at      TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS attempts          INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS phase             VARCHAR(32),
    ADD COLUMN IF NOT EXISTS collection_synced INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS wantlist_synced   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS items_removed     INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS cancel_requested  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS requested_by      UUID REFERENCES users (id) ON DELETE SET NULL;

-- A crashed reference instance may have left several rows of one user "running": keep the newest active.
UPDATE sync_history h
SET status = 'failed', error_message = 'Interrupted before this service took over', completed_at = NOW()
WHERE h.status IN ('pending', 'running')
  AND EXISTS (SELECT 1 FROM sync_history n
              WHERE n.user_id = h.user_id AND n.status IN ('pending', 'running') AND (n.started_at, n.id) > (h.started_at, h.id));

-- At most one active sync per user, whoever asked for it and whichever instance answered.
CREATE UNIQUE INDEX IF NOT EXISTS sync_history_one_active ON sync_history (user_id) WHERE status IN ('pending', 'running');
CREATE INDEX IF NOT EXISTS sync_history_claimable ON sync_history (started_at, id) WHERE status IN ('pending', 'running');
CREATE INDEX IF NOT EXISTS sync_history_user_started ON sync_history (user_id, started_at DESC);
CREATE INDEX IF NOT EXISTS sync_history_status_started ON sync_history (status, started_at DESC);

-- The sync that last saw each item: a complete listing removes the items it did not see (the reference never deletes).
ALTER TABLE user_collections ADD COLUMN IF NOT EXISTS last_sync_id UUID;
ALTER TABLE user_wantlists ADD COLUMN IF NOT EXISTS last_sync_id UUID;
