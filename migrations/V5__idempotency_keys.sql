-- V5: the outcomes of requests sent with an Idempotency-Key (issue 11), so that a retry is answered with the first
-- request's response instead of writing again. See dev.lms.idempotency.IdempotencyInterceptor.
--
-- A row is claimed (response_status NULL) and completed in the transaction of the write it records, so no other
-- transaction ever sees it incomplete; a concurrent request with the same key waits on the primary key until that
-- transaction ends. Rows hold response bodies, which can be personal data: they are purged after
-- lms.idempotency.retention (by created_at, through the index below), and with their user.
-- A new table: nothing to rewrite or validate, and the foreign key takes a brief lock on users.
-- Undone by undo/U5__idempotency_keys.sql.

CREATE TABLE idempotency_keys (
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key     text        NOT NULL,
    -- SHA-256 of the method, path and body: the same key with another request is refused.
    request_fingerprint text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    response_status     smallint,
    response_headers    jsonb,
    response_body       text,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (user_id, idempotency_key),
    CONSTRAINT idempotency_keys_key_length CHECK (length(idempotency_key) BETWEEN 1 AND 255)
);

CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
