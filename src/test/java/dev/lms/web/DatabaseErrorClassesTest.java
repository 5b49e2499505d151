package dev.lms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lms.testing.Fixtures;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * One real PostgreSQL error of each class, raised by the server and carried up through pgJDBC and Hibernate, answered
 * as {@link SqlStateClass} says. (Class 08 and 57P0x, the database going away, are {@code DatabaseOutageTest}'s.)
 */
@QuarkusTest
class DatabaseErrorClassesTest {

    @Inject
    DatabaseErrorMapper mapper;

    @Inject
    DataSource dataSource;

    @Test
    void aDataExceptionIs400() {
        Response response = answerTo("SELECT 1 / 0", false);

        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void aProgramLimitIs400WithoutABodyAnd413WithOne() {
        // An index entry larger than a btree page allows (about 2,700 bytes): random text, so TOAST cannot shrink it.
        Response withoutBody = answerToIndexOverflow(false);
        Response withBody = answerToIndexOverflow(true);

        assertThat(withoutBody.getStatus()).isEqualTo(400);
        assertThat(withBody.getStatus()).isEqualTo(413);
    }

    @Test
    void aSerializationFailureIs409() {
        Response response =
                answerTo("DO $$ BEGIN RAISE EXCEPTION 'could not serialize' USING ERRCODE = '40001'; END $$", false);

        assertThat(response.getStatus()).isEqualTo(409);
    }

    @Test
    void aLockNotAvailableIs503WithRetryAfter() throws Exception {
        UUID user = new Fixtures(dataSource).student();
        try (Connection holder = dataSource.getConnection();
                Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("SELECT 1 FROM users WHERE id = '" + user + "' FOR UPDATE");

            Response response = answerTo(
                    "SET LOCAL lock_timeout = '50ms'; SELECT 1 FROM users WHERE id = '" + user + "' FOR UPDATE", false);

            holder.rollback();
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isNotBlank();
        }
    }

    @Test
    void aCancelledStatementIs503WithRetryAfter() {
        Response response = answerTo("SET LOCAL statement_timeout = '50ms'; SELECT pg_sleep(5)", false);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isNotBlank();
    }

    @Test
    void aBugIs500WithAnErrorIdInTheBody() {
        Response response = answerTo("SELECT no_such_column FROM users", false);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).errorId()).matches("[0-9a-f]{32}");
    }

    private Response answerToIndexOverflow(boolean bodySent) {
        return answerTo("""
                CREATE TEMP TABLE IF NOT EXISTS big_keys (v text) ON COMMIT DROP;
                CREATE INDEX ON big_keys (v);
                INSERT INTO big_keys SELECT string_agg(md5(random()::text), '') FROM generate_series(1, 300);
                """, bodySent);
    }

    private Response answerTo(String sql, boolean bodySent) {
        Throwable failure = catchThrowable(() -> QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager()
                        .unwrap(org.hibernate.Session.class)
                        .doWork(connection -> {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute(sql);
                            }
                        })));
        assertThat(failure).as("PostgreSQL refused: %s", sql).isNotNull();
        return mapper.responseFor(failure, "/test", false, bodySent);
    }
}
