-- V2: what the token endpoint needs to slow down password guessing (issue 7).
--
-- The count lives in the database rather than in memory, so every replica sees the same
-- failures and a restart or a scale-to-zero does not reset an attacker's budget.
-- Adding a column with a constant default rewrites nothing on PostgreSQL 11 and later:
-- this is a catalog change, safe on a large users table.
-- Undone by undo/U2__users_login_throttling.sql.

ALTER TABLE users
    ADD COLUMN failed_login_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN locked_until timestamptz,
    ADD CONSTRAINT users_failed_login_attempts_not_negative CHECK (failed_login_attempts >= 0);
