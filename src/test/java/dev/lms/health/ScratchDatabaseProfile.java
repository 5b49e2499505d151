package dev.lms.health;

import dev.lms.testing.ProfileDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the application against a database of its own, migrated at start-up like any other. Tests that break the
 * schema or take the server away run here, so the default profile's classes never see what they did. So does the contract
 * fuzz test: it checksums every table after each refused request, which stays cheap only while the tables hold none of
 * the other classes' rows (and each profile costs the suite a Quarkus build and start).
 * <p>
 * Flyway's clean is allowed in this profile only: it lets a test put the schema back exactly as the migrations
 * build it.
 */
public class ScratchDatabaseProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = ProfileDatabase.create("health").config();
        config.put("quarkus.flyway.clean-disabled", "false");
        return config;
    }

    /** The global resource points at the shared database; this profile brings its own. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
