package dev.lms.testing;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A test profile's own database, created empty on the test server, and the configuration that points the application
 * at it: for tests whose checks or faults must not touch the shared database.
 */
public record ProfileDatabase(String name) {

    public static ProfileDatabase create(String prefix) {
        try {
            return new ProfileDatabase(TestDatabase.createScratchDatabase(prefix));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the " + prefix + " profile's database", e);
        }
    }

    /** Neon's form of the URL, straight to the test server. */
    public String url() {
        return TestDatabase.neonStyleUrl(name);
    }

    /** The test keys, and DATABASE_URL straight to this database (a mutable copy, for the profile to add to). */
    public Map<String, String> config() {
        Map<String, String> config = new HashMap<>(TestKeys.config());
        config.put("DATABASE_URL", url());
        return config;
    }

    /** The same, with DATABASE_URL through a relay (a test proxy) that listens on {@code port}. */
    public Map<String, String> configThrough(int port) {
        Map<String, String> config = config();
        config.put("DATABASE_URL", url().replace(":" + TestDatabase.embeddedPort() + "/", ":" + port + "/"));
        return config;
    }
}
