package dev.lms.health;

import dev.lms.testing.FreezableProxy;
import dev.lms.testing.ProfileDatabase;
import dev.lms.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The application reaches its own database through a {@link FreezableProxy}, so a test can make the host go silent. */
public class UnresponsiveDatabaseProfile implements QuarkusTestProfile {

    static FreezableProxy proxy;

    @Override
    public Map<String, String> getConfigOverrides() {
        proxy = FreezableProxy.to(TestDatabase.embeddedPort());
        Map<String, String> config = ProfileDatabase.create("silent").configThrough(proxy.port());
        // A silent host accepts connections and never answers, as a waking Neon compute does for a while: a new
        // connection waits lms.database.wake-timeout (5 s by default) before the check reports DOWN. Short here, so
        // that the test's 2 s bound is about the check's own timeout, on connections old and new.
        config.put("lms.database.wake-timeout", "200ms");
        return config;
    }

    /** The global resource points at the shared database; this profile brings its own. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
