package dev.lms.health;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link DatabaseHealthTest} against the packaged jar, or the native executable with {@code -Dnative}: the report's
 * records serialise, and the health checks and metrics are wired in the production profile.
 */
@QuarkusIntegrationTest
class DatabaseHealthIT extends DatabaseHealthTest {
}
