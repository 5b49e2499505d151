package dev.lms.db.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A migration that changes several tables must not hold one of them while it waits for another. A request of the
 * running release that has read or written one table (here: the last one the migration changes) and then writes
 * another (the first) would otherwise deadlock with it, and PostgreSQL aborts one of the two after deadlock_timeout: the request
 * (the previous release answered 500; found by the migration rehearsal) or the deploy. V3 and V6 lock all their tables
 * first, each attempt waiting at most 100 ms (well under deadlock_timeout, so the migration gives up first), and let
 * go of them all and try again until the lock timeout.
 */
class MultiTableMigrationDeadlockTest {

    private static final Duration MIGRATION_STARTED = Duration.ofSeconds(30);

    @RegisterExtension
    final ScratchDatabase database = new ScratchDatabase();

    @ParameterizedTest(name = "V{0}: a request takes {2} on {1}, then writes {3}")
    @CsvSource({
        "3, course_content, ACCESS SHARE, users", // V3 changes nine tables: even a read conflicts with it
        "6, submissions, ROW EXCLUSIVE, grades" // V6's triggers conflict with writes only
    })
    void aRequestUsingOneTableThenWritingAnotherCompletesWhileTheMigrationWaitsForIt(
            String version, String usedFirst, String mode, String writtenNext) throws Exception {
        database.migrateTo(String.valueOf(Integer.parseInt(version) - 1));

        try (Connection request = database.dataSource.getConnection();
                Statement statement = request.createStatement()) {
            request.setAutoCommit(false);
            statement.execute("SET lock_timeout = '3s'");
            statement.execute("LOCK TABLE " + usedFirst + " IN " + mode + " MODE");

            CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> {
                try {
                    database.migrateTo(version);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitMigrationWaitingForLocks(migration);

            statement.execute("LOCK TABLE " + writtenNext + " IN ROW EXCLUSIVE MODE");
            request.commit();

            migration.get(30, TimeUnit.SECONDS);
        }
        assertThat(database.strings("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .endsWith(version);
    }

    /** Until the migrating session is trying to lock its tables (the DO block runs, or a lock wait). */
    private void awaitMigrationWaitingForLocks(CompletableFuture<Void> migration) throws Exception {
        long deadline = System.nanoTime() + MIGRATION_STARTED.toNanos();
        while (database.string("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid() AND state = 'active'"
                        + " AND (query LIKE '%LOCK TABLE%' OR wait_event_type = 'Lock')")
                .equals("0")) {
            assertThat(migration)
                    .as("the migration waits for the request's table")
                    .isNotDone();
            assertThat(System.nanoTime()).as("the migration started").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
