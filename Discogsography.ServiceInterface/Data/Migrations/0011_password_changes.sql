-- When each account's password last changed (REFERENCE-UPSTREAM.md §D.1; informational, like the upstream's).
ALTER TABLE users ADD COLUMN IF NOT EXISTS password_changed_at TIMESTAMPTZ;
