package dev.lms.health;

import dev.lms.testing.FreezableProxy;
import dev.lms.testing.TestDatabase;
import dev.lms.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The application reaches its own database through a {@link FreezableProxy} that can play a Neon compute scaling to
 * zero. Neon suspends a compute only after minutes without queries, so every pooled connection has been idle longer
 * than the foreground validation interval by then: the profile makes that interval tiny rather than make the test wait.
 */
public class WakingDatabaseProfile implements QuarkusTestProfile {

    static FreezableProxy proxy;

    @Override
    public Map<String, String> getConfigOverrides() {
        String database;
        try {
            database = TestDatabase.createScratchDatabase("waking");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the scratch database", e);
        }
        proxy = FreezableProxy.to(TestDatabase.embeddedPort());
        Map<String, String> config = new HashMap<>(TestKeys.config());
        config.put(
                "DATABASE_URL",
                TestDatabase.neonStyleUrl(database)
                        .replace(":" + TestDatabase.embeddedPort() + "/", ":" + proxy.port() + "/"));
        config.put("quarkus.datasource.jdbc.foreground-validation-interval", "1ms");
        // Flyway migrates through DIRECT_URL, around the proxy, as it would around Neon's pooler.
        config.put("DIRECT_URL", TestDatabase.neonStyleUrl(database));
        return config;
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
