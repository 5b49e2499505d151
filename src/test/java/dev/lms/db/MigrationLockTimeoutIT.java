package dev.lms.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.ServiceProcess;
import dev.lms.testing.TestDatabase;
import dev.lms.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rolling deploy meets a long transaction: instance A serves, another session holds a lock on {@code users}, and
 * instance B starts with a migration that needs that table exclusively. B's migration must give up after
 * {@code lms.migration.lock-timeout}, B must stop saying why, the schema must be as it was, and A's requests must
 * keep succeeding throughout.
 * <p>
 * B's pending migration is the shipped V2 (its history row removed, applied out of order): Quarkus fixes
 * {@code quarkus.flyway.locations} at build time, so the packaged service cannot be handed a test-only migration.
 * Had it got the lock, V2 would fail anyway (its columns exist), so only a lock timeout can end it this way.
 */
class MigrationLockTimeoutIT {

    private static final Duration START_UP = Duration.ofMinutes(3);
    private static final String LOCK_TIMEOUT = "2s";
    private static final UUID ADMIN = UUID.fromString("0190a000-0000-7000-8000-00000000ad12");

    private String database;
    private ServiceProcess serving;

    @BeforeEach
    void startInstanceA() throws Exception {
        database = TestDatabase.createScratchDatabase("lock_timeout");
        serving = ServiceProcess.start(Map.of("DATABASE_URL", TestDatabase.neonStyleUrl(database)));
        assertThat(serving.awaitStarted(START_UP)).as(serving.output()).isTrue();
        execute("INSERT INTO users (id, email, name, role) VALUES ('" + ADMIN
                + "', 'lock-timeout@example.org', 'Lock timeout', 'ADMIN')");
    }

    @AfterEach
    void stopInstanceA() throws Exception {
        if (serving != null) {
            serving.close();
        }
        TestDatabase.dropDatabase(database);
    }

    @Test
    void aMigrationBlockedByALongTransactionGivesUpAfterTheLockTimeoutWhileTheRunningInstanceKeepsServing()
            throws Exception {
        execute("DELETE FROM flyway_schema_history WHERE version = '2'");
        String schemaBefore = schema();
        Traffic traffic = new Traffic(serving.port());
        traffic.warmUp();
        traffic.start();

        long waitedMillis;
        int exitCode;
        String output;
        try (Connection longTransaction = TestDatabase.connect(database)) {
            longTransaction.setAutoCommit(false);
            try (Statement statement = longTransaction.createStatement()) {
                statement.execute("SELECT count(*) FROM users"); // holds ACCESS SHARE on users until rollback
            }
            Map<String, String> environment = new HashMap<>();
            environment.put("DATABASE_URL", TestDatabase.neonStyleUrl(database));
            environment.put("LMS_MIGRATION_LOCK_TIMEOUT", LOCK_TIMEOUT);
            environment.put("QUARKUS_FLYWAY_OUT_OF_ORDER", "true");
            try (ServiceProcess starting = ServiceProcess.start(environment)) {
                waitedMillis = lockWaitOnUsers(starting);
                exitCode = starting.awaitExit(START_UP);
                output = starting.output();
            }
            longTransaction.rollback();
        }
        List<Long> latencies = traffic.stop();

        System.out.printf(
                "Lock timeout %s: instance B's migration waited %d ms for its lock on users, then gave up;"
                        + " instance A answered %d requests meanwhile, all 2xx, the slowest in %d ms%n",
                LOCK_TIMEOUT,
                waitedMillis,
                latencies.size(),
                latencies.stream().mapToLong(Long::longValue).max().orElse(0));
        assertThat(exitCode).as(output).isNotZero();
        assertThat(output)
                .contains("V2__users_login_throttling.sql")
                .contains("canceling statement due to lock timeout")
                .contains("lms.migration.lock-timeout")
                .doesNotContain(" started in ");
        assertThat(traffic.failures()).as(serving.output()).isEmpty();
        assertThat(latencies).isNotEmpty();
        assertThat(schema()).isEqualTo(schemaBefore);
    }

    /**
     * Waits until B's migration queues for a lock on {@code users}, then until it stops waiting; returns how long it
     * waited, as PostgreSQL saw it.
     */
    private long lockWaitOnUsers(ServiceProcess starting) throws Exception {
        String waiting = "SELECT count(*) FROM pg_locks WHERE relation = 'users'::regclass AND NOT granted";
        while (count(waiting) == 0) {
            assertThat(starting.isRunning())
                    .as("instance B stopped before its migration waited for the lock:%n%s", starting.output())
                    .isTrue();
            Thread.sleep(10);
        }
        long since = System.nanoTime();
        while (count(waiting) > 0) {
            // Far beyond the 2 s timeout on any machine: without lock_timeout, B would wait for as long as the lock
            // is held.
            assertThat(Duration.ofNanos(System.nanoTime() - since))
                    .as("instance B's migration is still waiting for its lock")
                    .isLessThan(Duration.ofMinutes(1));
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - since).toMillis();
    }

    /** Columns, constraints, indexes and applied migrations: what a migration could have changed. */
    private String schema() throws SQLException {
        return String.join(
                "\n",
                strings("SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
                        + " FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1"),
                strings("SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                        + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1"),
                strings("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"),
                strings("SELECT version || ' ' || success FROM flyway_schema_history ORDER BY installed_rank"));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return String.join("\n", values);
    }

    /**
     * One client of instance A, reading and writing rows that need the {@code users} table (every authenticated
     * request looks its caller up there, and a course references its instructor), one request after another.
     */
    private static final class Traffic {

        private final HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final URI base;
        private final String token = Tokens.valid(ADMIN, "ADMIN");
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final Thread thread = new Thread(this::run, "instance-a-traffic");

        Traffic(int port) {
            this.base = URI.create("http://localhost:" + port);
        }

        /** The first requests of a fresh JVM are slow for reasons that have nothing to do with locks. */
        void warmUp() throws Exception {
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response =
                        client.send(request("/api/v1/users/me").GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }
        }

        void start() {
            thread.start();
        }

        List<Long> stop() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
            return List.copyOf(latencies);
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        private void run() {
            for (int i = 0; running.get(); i++) {
                HttpRequest request = i % 2 == 0
                        ? request("/api/v1/users/me").GET().build()
                        : request("/api/v1/courses")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"LT" + i
                                        + "\",\"title\":\"Lock timeout\",\"instructorId\":\"" + ADMIN + "\"}"))
                                .build();
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                    if (response.statusCode() / 100 != 2) {
                        failures.add(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
                                + response.body());
                    }
                } catch (Exception e) {
                    failures.add(request.method() + " " + request.uri() + " after "
                            + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: " + e);
                }
            }
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token);
        }
    }
}
