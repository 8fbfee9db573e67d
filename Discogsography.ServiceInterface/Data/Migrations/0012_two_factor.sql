-- Two-factor authentication (REFERENCE-UPSTREAM.md §B.5, §D.1): the upstream's columns, plus the time step of the
-- last accepted code so that a code is never accepted twice (ours).
ALTER TABLE users
    ADD COLUMN IF NOT EXISTS totp_secret          VARCHAR,
    ADD COLUMN IF NOT EXISTS totp_enabled         BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS totp_recovery_codes  JSONB,
    ADD COLUMN IF NOT EXISTS totp_failed_attempts INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS totp_locked_until    TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS totp_last_step       BIGINT;
