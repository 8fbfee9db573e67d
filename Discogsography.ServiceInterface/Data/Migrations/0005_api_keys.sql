-- The per-user API-key vault (the User Management seed): credentials for external services, one per user and
-- service, Fernet-encrypted at rest. The key itself is never returned by the API.
CREATE TABLE user_api_keys (
    id              BIGSERIAL PRIMARY KEY,
    user_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    service_name    VARCHAR(64) NOT NULL,
    encrypted_key   TEXT NOT NULL,
    service_user_id VARCHAR(255),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    UNIQUE (user_id, service_name)
);
