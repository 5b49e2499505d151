package dev.lms.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lms.db.MigrationFailureLog;
import dev.lms.testing.Migrations;
import dev.lms.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

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

    /**
     * Without DATABASE_URL (dev mode, tests), Flyway borrows the application's pool, which keeps the connection Flyway closes: the lock
     * must not go back to the pool with it, whichever command ran and however it ended.
     */
    @Test
    void everyCommandGivesItsPooledConnectionBackWithoutTheLock() throws Exception {
        String database = TestDatabase.createScratchDatabase("pooled_migrate");
        try (KeptOpenPool pool = new KeptOpenPool(database);
                Connection observer = TestDatabase.connect(database)) {
            Flyway flyway =
                    configured(database).dataSource(pool).cleanDisabled(false).load();
            Map<String, Runnable> commands = new LinkedHashMap<>();
            commands.put("migrate", flyway::migrate);
            commands.put("info", flyway::info);
            commands.put("validate", flyway::validate);
            commands.put("repair", flyway::repair);
            commands.put("a migrate that fails validation", () -> {
                execute(observer, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
                assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayException.class);
            });
            commands.put(
                    "a validate that fails",
                    () -> assertThatThrownBy(flyway::validate).isInstanceOf(FlywayException.class));
            commands.put(
                    "a baseline that fails",
                    () -> assertThatThrownBy(flyway::baseline).isInstanceOf(FlywayException.class));
            commands.put("clean", flyway::clean);
            commands.put("a baseline of a foreign schema, which the guard refuses", () -> {
                execute(observer, "CREATE TABLE stray (id int)");
                assertThatThrownBy(flyway::migrate).hasMessageContaining("Refusing to baseline");
            });
            for (Map.Entry<String, Runnable> command : commands.entrySet()) {
                command.getValue().run();

                assertThat(lockHolders(observer))
                        .as("sessions holding the lock after %s", command.getKey())
                        .isZero();
            }
            assertThat(pool.size()).as("connections Flyway used at once").isGreaterThan(1);
        } finally {
            TestDatabase.dropDatabase(database);
        }
    }

    /** Flyway as application.properties configures it (quarkus.flyway.*), on the migrations' source directory. */
    private static Flyway flyway(String database) {
        return configured(database)
                .dataSource(TestDatabase.jdbcUrl(database), TestDatabase.username(), TestDatabase.password())
                .load();
    }

    private static FluentConfiguration configured(String database) {
        return Flyway.configure(ConcurrentMigrationTest.class.getClassLoader())
                .locations("filesystem:migrations")
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("Existing schema verified against V1")
                .callbacks(new MigrationSerializer(), new BaselineGuard(), new MigrationFailureLog())
                .placeholders(java.util.Map.of("lms_lock_timeout", "5s", "lms_statement_timeout", "30s"))
                .initSql("SET lock_timeout = '5s'; SET statement_timeout = '30s'");
    }

    private static long lockHolders(Connection observer) throws SQLException {
        try (Statement statement = observer.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND granted AND objsubid = 1 AND classid::bigint = " + (MigrationSerializer.LOCK_KEY >>> 32)
                        + " AND objid::bigint = " + (MigrationSerializer.LOCK_KEY & 0xffffffffL))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A pool that keeps its connections open when Flyway closes them, as Agroal does, and hands out another while one is
     * in use: Flyway's events come on up to three connections, and the lock must be released on the one that took it.
     */
    private static final class KeptOpenPool extends PGSimpleDataSource implements AutoCloseable {

        private final String database;
        private final List<Connection> physical = new ArrayList<>();
        private final Set<Connection> inUse = new HashSet<>();

        KeptOpenPool(String database) {
            this.database = database;
        }

        @Override
        public synchronized Connection getConnection() throws SQLException {
            Connection free = physical.stream()
                    .filter(connection -> !inUse.contains(connection))
                    .findFirst()
                    .orElse(null);
            if (free == null) {
                free = TestDatabase.connect(database);
                physical.add(free);
            }
            inUse.add(free);
            Connection borrowed = free;
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            synchronized (this) {
                                inUse.remove(borrowed);
                            }
                            return null;
                        }
                        try {
                            return method.invoke(borrowed, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        /** How many connections it has opened. */
        synchronized int size() {
            return physical.size();
        }

        @Override
        public synchronized void close() throws SQLException {
            for (Connection connection : physical) {
                connection.close();
            }
        }
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
