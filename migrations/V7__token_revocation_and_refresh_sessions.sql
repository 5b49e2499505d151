-- V7: what real deployments need to end sessions (issue 15).
--
-- users.tokens_valid_after: a password change or an admin's revocation sets it to now(); every access token whose
-- iat, in whole seconds, is not after it (in whole seconds) is refused. Nullable without a default: a catalog change
-- that rewrites nothing, safe on a large users table.
--
-- refresh_sessions: one row per refresh token ever handed out and not yet cleaned up. A login starts a family; each
-- refresh marks its row replaced and adds the next one to the family, so that a replaced token presented again is
-- recognised as reuse and the whole family is deleted. Only the SHA-256 of the token is stored. A new table: its
-- foreign key and indexes are built on no rows, and nothing here locks users beyond the moment the key is added.
-- Undone by undo/U7__token_revocation_and_refresh_sessions.sql.

ALTER TABLE users ADD COLUMN tokens_valid_after timestamptz;

CREATE TABLE refresh_sessions (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    family_id         uuid        NOT NULL,
    user_id           uuid        NOT NULL,
    token_hash        bytea       NOT NULL,
    issued_at         timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    family_expires_at timestamptz NOT NULL,
    replaced_at       timestamptz,
    CONSTRAINT refresh_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT refresh_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT refresh_sessions_token_hash_is_sha256 CHECK (octet_length(token_hash) = 32),
    CONSTRAINT refresh_sessions_expiry_within_family CHECK (expires_at <= family_expires_at)
);
CREATE UNIQUE INDEX refresh_sessions_token_hash_key ON refresh_sessions (token_hash);
CREATE INDEX refresh_sessions_user_id_idx ON refresh_sessions (user_id);
CREATE INDEX refresh_sessions_family_id_idx ON refresh_sessions (family_id);
