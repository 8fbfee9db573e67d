-- The lists a sync read but did not reconcile: Discogs' total for the list differed from what the pages held (the
-- list changed while it was read, or a page came back short), so removing "unseen" items could have removed items
-- the user still owns. The next sync reconciles them.
ALTER TABLE sync_history ADD COLUMN IF NOT EXISTS reconcile_skipped TEXT[] NOT NULL DEFAULT '{}';
