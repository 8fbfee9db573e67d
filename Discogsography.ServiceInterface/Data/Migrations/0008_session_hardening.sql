-- Revocations that survive a Redis that lost its data, and sessions with an absolute lifetime.
--   access_expires_at   the latest expiry of an access token issued for the session: ending the session revokes
--                       its tokens until then (a longer JWT_EXPIRE_MINUTES in the past is covered).
--   absolute_expires_at the session ends then however often it is refreshed (SESSION_MAX_DAYS).
ALTER TABLE auth_sessions ADD COLUMN access_expires_at TIMESTAMPTZ;
ALTER TABLE auth_sessions ADD COLUMN absolute_expires_at TIMESTAMPTZ;
CREATE INDEX idx_auth_sessions_ended_access ON auth_sessions (access_expires_at) WHERE ended_at IS NOT NULL;

-- Access tokens revoked one by one (logout), kept until they would have expired, so the revocation can be written
-- to Redis again after Redis lost it.
CREATE TABLE revoked_tokens (
    jti        TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_revoked_tokens_expires_at ON revoked_tokens (expires_at);
