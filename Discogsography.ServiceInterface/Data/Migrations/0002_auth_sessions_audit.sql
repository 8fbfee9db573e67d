-- Roles, refresh-token sessions and the audit log. The reference's columns stay untouched: is_admin is added
-- with a default, so the Python service can still read and write users.

ALTER TABLE users ADD COLUMN IF NOT EXISTS is_admin BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per login. Access tokens carry the session id (sid); ending a session revokes them.
CREATE TABLE auth_sessions (
    id             UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    last_used_at   TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    expires_at     TIMESTAMPTZ NOT NULL,
    ip             VARCHAR(64),
    user_agent     VARCHAR(512),
    ended_at       TIMESTAMPTZ,
    ended_reason   VARCHAR(64)
);
CREATE INDEX idx_auth_sessions_user_active ON auth_sessions (user_id) WHERE ended_at IS NULL;
CREATE INDEX idx_auth_sessions_expires_at ON auth_sessions (expires_at);

-- Every refresh token ever issued for a session, stored only as its SHA-256. The current one has
-- rotated_at NULL; presenting a rotated one means it was stolen or replayed, and ends the session.
CREATE TABLE auth_refresh_tokens (
    token_hash  CHAR(64) PRIMARY KEY,
    session_id  UUID NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
    issued_at   TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    rotated_at  TIMESTAMPTZ
);
CREATE INDEX idx_auth_refresh_tokens_session ON auth_refresh_tokens (session_id);

-- Who did what, from where. Never holds a password, token or key.
CREATE TABLE audit_log (
    id            BIGSERIAL PRIMARY KEY,
    user_id       UUID REFERENCES users (id) ON DELETE SET NULL,
    action        VARCHAR(64) NOT NULL,
    resource_type VARCHAR(64),
    resource_id   VARCHAR(255),
    details       JSONB NOT NULL DEFAULT '{}'::jsonb,
    ip            VARCHAR(64),
    user_agent    VARCHAR(512),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_audit_log_created_at ON audit_log (created_at);
CREATE INDEX idx_audit_log_user_created ON audit_log (user_id, created_at);
CREATE INDEX idx_audit_log_action_created ON audit_log (action, created_at);
