-- Undoes V2__users_login_throttling.sql: users goes back to its V1 columns.
-- The throttling state is dropped with the columns; it is transient by nature, and the backup the rollback
-- command takes first keeps it anyway.

ALTER TABLE users
    DROP CONSTRAINT users_failed_login_attempts_not_negative,
    DROP COLUMN locked_until,
    DROP COLUMN failed_login_attempts;
