package dev.lms.health;

import dev.lms.testing.FreezableProxy;
import dev.lms.testing.ProfileDatabase;
import dev.lms.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
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
        ProfileDatabase database = ProfileDatabase.create("waking");
        proxy = FreezableProxy.to(TestDatabase.embeddedPort());
        Map<String, String> config = database.configThrough(proxy.port());
        config.put("quarkus.datasource.jdbc.foreground-validation-interval", "1ms");
        // Flyway migrates through DIRECT_URL, around the proxy, as it would around Neon's pooler.
        config.put("DIRECT_URL", database.url());
        return config;
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
