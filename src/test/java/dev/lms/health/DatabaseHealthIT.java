package dev.lms.health;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

/**
 * {@link DatabaseHealthTest} against the packaged jar, or the native executable with {@code -Dnative}: the report's
 * records serialise, and the health checks and metrics are wired in the production profile.
 */
@QuarkusIntegrationTest
class DatabaseHealthIT extends DatabaseHealthTest {

    /**
     * The packaged service runs in the production profile, where the management interface does not take the test
     * port; the build gives it a reserved port ({@code it.management.port}, pom.xml) and passes the same to the test.
     */
    @Override
    URL metrics() {
        String port = System.getProperty("it.management.port");
        if (port == null) {
            throw new IllegalStateException("it.management.port is not set: run this test with ./mvnw verify");
        }
        try {
            return URI.create("http://localhost:" + port + "/q/metrics").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
