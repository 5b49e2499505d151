-- Undoes V7__token_revocation_and_refresh_sessions.sql. Every refresh session ends with the table (clients log in
-- again), and revocations recorded in users.tokens_valid_after are forgotten: roll back only after the access tokens
-- issued before the last revocation have expired (lms.auth.token-lifespan), or they become valid again.

DROP TABLE refresh_sessions;

ALTER TABLE users DROP COLUMN tokens_valid_after;
