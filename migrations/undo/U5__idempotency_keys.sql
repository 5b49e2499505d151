-- Undoes V5__idempotency_keys.sql. The stored responses go with the table: a retry after the rollback writes again,
-- as it would once the retention has passed. The backup the rollback command takes first keeps them.

DROP TABLE idempotency_keys;
