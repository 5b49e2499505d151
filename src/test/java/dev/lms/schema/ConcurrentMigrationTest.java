package dev.lms.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.db.MigrationFailureLog;
import dev.lms.testing.Migrations;
import dev.lms.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Replicas that start together against an empty database: each runs Flyway's migrate with the service's settings
 * (baseline-on-migrate, the callbacks), at the same instant. Exactly one migrates, every one of them succeeds, and the
 * history holds each version once.
 * <p>
 * Without {@link MigrationSerializer}, a replica that found no history table and then a schema that was no longer
 * empty (another replica had just created its history table) took the database for an existing one, and
 * {@link BaselineGuard} refused it: "Refusing to baseline ... missing table users ...". Threads meet at a barrier, so
 * the window of a few milliseconds between Flyway's two checks is hit within a few rounds.
 */
class ConcurrentMigrationTest {

    private static final int REPLICAS = 4;
    private static final int ROUNDS = 8;

    @Test
    void replicasStartingTogetherOnAnEmptyDatabaseMigrateItOnceAndAllSucceed() throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String database = TestDatabase.createScratchDatabase("concurrent_migrate");
                try {
                    CyclicBarrier together = new CyclicBarrier(REPLICAS);
                    List<Future<?>> migrations = new ArrayList<>();
                    for (int replica = 0; replica < REPLICAS; replica++) {
                        migrations.add(replicas.submit(() -> {
                            Flyway flyway = flyway(database);
                            together.await();
                            return flyway.migrate();
                        }));
                    }
                    List<String> failures = new ArrayList<>();
                    for (Future<?> migration : migrations) {
                        try {
                            migration.get(2, TimeUnit.MINUTES);
                        } catch (java.util.concurrent.ExecutionException e) {
                            failures.add(e.getCause().toString());
                        }
                    }
                    assertThat(failures).as("round %d", round).isEmpty();
                    assertThat(history(database))
                            .as("round %d", round)
                            .containsExactlyElementsOf(Migrations.versions());
                } finally {
                    TestDatabase.dropDatabase(database);
                }
            }
        } finally {
            replicas.shutdownNow();
        }
    }

    /** Flyway as application.properties configures it (quarkus.flyway.*), on the migrations' source directory. */
    private static Flyway flyway(String database) {
        return Flyway.configure(ConcurrentMigrationTest.class.getClassLoader())
                .dataSource(TestDatabase.jdbcUrl(database), TestDatabase.username(), TestDatabase.password())
                .locations("filesystem:migrations")
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("Existing schema verified against V1")
                .callbacks(new MigrationSerializer(), new BaselineGuard(), new MigrationFailureLog())
                .placeholders(java.util.Map.of("lms_lock_timeout", "5s", "lms_statement_timeout", "30s"))
                .initSql("SET lock_timeout = '5s'; SET statement_timeout = '30s'")
                .load();
    }

    private static List<String> history(String database) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }
}
