package dev.lms.health;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * {@link DatabaseHealthTest} against the packaged jar, or the native executable with {@code -Dnative}: the report's
 * records serialise, and the health checks and metrics are wired in the production profile.
 */
@QuarkusIntegrationTest
class DatabaseHealthIT extends DatabaseHealthTest {

    /**
     * Metrics live on the management interface, whose port is random in tests (so that builds can run side by side),
     * and an integration test cannot learn the port the packaged artifact picked.
     */
    @Override
    @Test
    @Disabled("the management port of the packaged artifact is not known to the test")
    void metricsExposeHttpRequestsThePoolAndSchemaDrift() {}
}
