package dev.lms.health;

import dev.lms.testing.TestDatabase;
import dev.lms.testing.TestKeys;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the application against a database of its own, migrated at start-up like any other. Tests that break the
 * schema or take the server away run here, so the other test classes never see what they did.
 * <p>
 * Flyway's clean is allowed in this profile only: it lets a test put the schema back exactly as the migrations
 * build it.
 */
public class ScratchDatabaseProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String database;
        try {
            database = TestDatabase.createScratchDatabase("health");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the scratch database", e);
        }
        Map<String, String> config = new HashMap<>(TestKeys.config());
        config.put("DATABASE_URL", TestDatabase.neonStyleUrl(database));
        config.put("quarkus.flyway.clean-disabled", "false");
        return config;
    }

    /** The global resource points at the shared database; this profile brings its own. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
