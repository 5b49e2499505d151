package dev.lms.idempotency;

import dev.lms.testing.CommitCuttingProxy;
import dev.lms.testing.TestDatabase;
import dev.lms.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The application reaches a database of its own through a {@link CommitCuttingProxy}, so a test can break a
 * connection at a commit, or stop the server under it.
 */
public class CommitFaultsProfile implements QuarkusTestProfile {

    static CommitCuttingProxy proxy;
    static String database;

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            database = TestDatabase.createScratchDatabase("faults");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the scratch database", e);
        }
        proxy = CommitCuttingProxy.to(TestDatabase.embeddedPort());
        Map<String, String> config = new HashMap<>(TestKeys.config());
        config.put(
                "DATABASE_URL",
                TestDatabase.neonStyleUrl(database)
                        .replace(":" + TestDatabase.embeddedPort() + "/", ":" + proxy.port() + "/"));
        return config;
    }

    /** The global resource points at the shared database; this profile brings its own. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
