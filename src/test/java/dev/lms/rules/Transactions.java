package dev.lms.rules;

import static org.awaitility.Awaitility.await;

import dev.lms.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Drives concurrent transactions step by step for the race tests: each on its own connection, the second in a thread,
 * and the test moves on only once that thread has either finished or is waiting for a row lock, as PostgreSQL itself
 * reports it (pg_stat_activity). No sleeps: without the lock under test, the second transaction finishes instead of
 * waiting, and the test sees the race's bad outcome every time.
 */
final class Transactions implements AutoCloseable {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** A connection in a transaction of its own (autocommit off). */
    static Connection begin() throws SQLException {
        Connection connection = TestDatabase.connect();
        connection.setAutoCommit(false);
        return connection;
    }

    static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /**
     * Starts {@code step} in another thread; returns once it has finished, or once a backend running a statement that
     * matches {@code statement} (an ILIKE pattern) waits for a lock.
     */
    <T> CompletableFuture<T> startAndAwaitLockOrEnd(Supplier<T> step, String statement) {
        CompletableFuture<T> running = CompletableFuture.supplyAsync(step, threads);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> running.isDone() || waitsForALock(statement));
        return running;
    }

    static boolean waitsForALock(String statementPattern) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT count(*) FROM pg_stat_activity
                         WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE ?
                        """)) {
            statement.setString(1, statementPattern);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
