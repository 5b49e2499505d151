package dev.lms.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code idempotency_keys} table (V5). Statements run on the caller's transaction when there is one: Agroal hands
 * every caller in a JTA transaction the same connection, the one Hibernate writes on, so a claim, the write and the
 * stored outcome commit together.
 */
@ApplicationScoped
public class IdempotencyRecords {

    /** A key already used: the request it was used for, and its outcome. */
    record Earlier(String fingerprint, StoredOutcome response) {}

    // A row older than the retention is as good as purged: the claim takes it over. When the key is held by a
    // transaction still running, this INSERT waits on the primary key until that transaction ends.
    private static final String CLAIM = """
            INSERT INTO idempotency_keys (user_id, idempotency_key, request_fingerprint) VALUES (?, ?, ?)
            ON CONFLICT (user_id, idempotency_key) DO UPDATE
               SET request_fingerprint = excluded.request_fingerprint, created_at = now(),
                   response_status = NULL, response_headers = NULL, response_body = NULL
             WHERE idempotency_keys.created_at < now() - make_interval(secs => ?)
            """;

    private static final String READ = """
            SELECT request_fingerprint, response_status, response_headers, response_body FROM idempotency_keys
             WHERE user_id = ? AND idempotency_key = ?
            """;

    private static final String COMPLETE = """
            UPDATE idempotency_keys SET response_status = ?, response_headers = ?::jsonb, response_body = ?
             WHERE user_id = ? AND idempotency_key = ?
            """;

    private static final String RECORD = """
            INSERT INTO idempotency_keys
                   (user_id, idempotency_key, request_fingerprint, response_status, response_headers, response_body)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (user_id, idempotency_key) DO NOTHING
            """;

    // SKIP LOCKED: rows a claim is taking over are left for the next round, and replicas purging at the same time
    // share the work instead of queueing on each other.
    private static final String PURGE = """
            DELETE FROM idempotency_keys WHERE (user_id, idempotency_key) IN (
                   SELECT user_id, idempotency_key FROM idempotency_keys
                    WHERE created_at < now() - make_interval(secs => ?)
                    ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
            """;

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final IdempotencyConfig config;

    public IdempotencyRecords(DataSource dataSource, ObjectMapper mapper, IdempotencyConfig config) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Takes the key for the current transaction, or, when a committed request holds it, returns that request. Waits
     * while another transaction holds it.
     */
    Optional<Earlier> claim(UUID user, String key, String fingerprint) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setObject(1, user);
                claim.setString(2, key);
                claim.setString(3, fingerprint);
                claim.setDouble(4, seconds(config.retention()));
                if (claim.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement read = connection.prepareStatement(READ)) {
                read.setObject(1, user);
                read.setString(2, key);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    int status = row.getInt("response_status");
                    StoredOutcome response = row.wasNull()
                            ? null
                            : new StoredOutcome(
                                    status, headers(row.getString("response_headers")), row.getString("response_body"));
                    return Optional.of(new Earlier(row.getString("request_fingerprint"), response));
                }
            }
        }
    }

    /** Stores the outcome of the request that claimed the key, in its transaction. */
    void complete(UUID user, String key, StoredOutcome response) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
            complete.setInt(1, response.status());
            complete.setString(2, json(response.headers()));
            complete.setString(3, response.body());
            complete.setObject(4, user);
            complete.setString(5, key);
            complete.executeUpdate();
        }
    }

    /**
     * Stores a refusal, outside any transaction: the refused request's own transaction has rolled back. If another
     * request has taken the key meanwhile, its outcome stays.
     */
    void record(UUID user, String key, String fingerprint, StoredOutcome response) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement record = connection.prepareStatement(RECORD)) {
            record.setObject(1, user);
            record.setString(2, key);
            record.setString(3, fingerprint);
            record.setInt(4, response.status());
            record.setString(5, json(response.headers()));
            record.setString(6, response.body());
            record.executeUpdate();
        }
    }

    /** Deletes up to one batch of rows older than the retention, and says how many it deleted. */
    int purgeExpired() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setDouble(1, seconds(config.retention()));
            purge.setInt(2, config.purgeBatchSize());
            return purge.executeUpdate();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private String json(Map<String, String> headers) {
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> headers(String json) throws SQLException {
        try {
            return json == null ? Map.of() : mapper.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable stored headers", e);
        }
    }
}
