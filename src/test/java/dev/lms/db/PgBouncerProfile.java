package dev.lms.db;

import dev.lms.testing.PgBouncer;
import dev.lms.testing.TestDatabase;
import dev.lms.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Neon's topology: DATABASE_URL goes through PgBouncer in transaction mode, DIRECT_URL straight to PostgreSQL.
 * A fresh database, so Flyway's migration really runs, through the direct URL.
 */
public class PgBouncerProfile implements QuarkusTestProfile {

    static final String DATABASE = "lms_pgbouncer";
    /** Fewer server connections than the application's pool: PgBouncer must multiplex transactions onto them. */
    static final int SERVER_POOL_SIZE = 3;

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Topology.class));
    }

    public static class Topology implements QuarkusTestResourceLifecycleManager {

        static PgBouncer bouncer;

        @Override
        public Map<String, String> start() {
            try {
                TestDatabase.dropDatabase(DATABASE);
                try (var connection = TestDatabase.connect();
                        var statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
                bouncer = PgBouncer.start(TestDatabase.embeddedPort(), DATABASE, SERVER_POOL_SIZE);
            } catch (SQLException | java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // prepareThreshold=0: PgBouncer before 1.21 cannot keep server-side prepared statements in transaction
            // mode.
            Map<String, String> config = new HashMap<>(TestKeys.config());
            config.put(
                    "DATABASE_URL",
                    "postgresql://postgres:postgres@127.0.0.1:" + bouncer.port() + "/" + DATABASE
                            + "?prepareThreshold=0");
            config.put("DIRECT_URL", TestDatabase.neonStyleUrl(DATABASE));
            return config;
        }

        @Override
        public void stop() {
            try {
                bouncer.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
