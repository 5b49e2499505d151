package dev.lms.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.access.UserRole;
import dev.lms.testing.Fixtures;
import dev.lms.testing.PgBouncer;
import dev.lms.testing.TestDatabase;
import dev.lms.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The service behind a real PgBouncer in transaction mode, as on Neon's pooled endpoint. Runs wherever PgBouncer is
 * installed, and always in CI (where a missing PgBouncer fails the test rather than skipping it).
 */
@QuarkusTest
@TestProfile(PgBouncerProfile.class)
@EnabledIf("pgBouncerIsInstalledOrRequired")
class PgBouncerTransactionModeTest {

    private static final int WORKERS = 8;
    private static final int TRANSACTIONS = 400;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String applicationUrl;

    @ConfigProperty(name = "lms.database.migrations.jdbc-url")
    String migrationUrl;

    static boolean pgBouncerIsInstalledOrRequired() {
        return PgBouncer.isInstalled() || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Test
    void thePoolGoesThroughPgBouncerWhileMigrationsGoStraightToPostgres() throws SQLException {
        assertThat(applicationUrl).contains(":" + PgBouncerProfile.Topology.bouncer.port() + "/");
        assertThat(migrationUrl).contains(":" + TestDatabase.embeddedPort() + "/");

        try (Connection connection = TestDatabase.connect(PgBouncerProfile.DATABASE);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("1");
        }
    }

    @Test
    void concurrentTransactionsAllSucceedOnFewerServerConnectionsThanClients() throws Exception {
        String emailPrefix = Fixtures.unique("bouncer");
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < TRANSACTIONS; i++) {
            int n = i;
            results.add(workers.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                User user = new User();
                user.email = emailPrefix + "-" + n + "@example.org";
                user.name = "Student " + n;
                user.role = UserRole.STUDENT;
                user.persist();
                return User.count("email like ?1", emailPrefix + "-%");
            })));
        }
        workers.shutdown();
        for (Future<Long> result : results) {
            assertThat(result.get()).isPositive();
        }

        assertThat(User.count("email like ?1", emailPrefix + "-%")).isEqualTo(TRANSACTIONS);
        assertThat(serverConnections())
                .as("server connections behind %d concurrent clients", WORKERS)
                .isPositive()
                .isLessThanOrEqualTo(PgBouncerProfile.SERVER_POOL_SIZE);
    }

    /** Connections PostgreSQL sees for the test database: PgBouncer's server connections, since the pool goes through it. */
    private static long serverConnections() throws SQLException {
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity" + " WHERE datname = '"
                        + PgBouncerProfile.DATABASE + "' AND backend_type = 'client backend'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
