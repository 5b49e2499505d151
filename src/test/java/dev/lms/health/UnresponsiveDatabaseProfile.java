package dev.lms.health;

import dev.lms.testing.FreezableProxy;
import dev.lms.testing.TestDatabase;
import dev.lms.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The application reaches its own database through a {@link FreezableProxy}, so a test can make the host go silent. */
public class UnresponsiveDatabaseProfile implements QuarkusTestProfile {

    static FreezableProxy proxy;

    @Override
    public Map<String, String> getConfigOverrides() {
        String database;
        try {
            database = TestDatabase.createScratchDatabase("silent");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the scratch database", e);
        }
        proxy = FreezableProxy.to(TestDatabase.embeddedPort());
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
