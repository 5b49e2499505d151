package dev.lms.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the application under test at {@link TestDatabase}, through DATABASE_URL in the form Neon hands out, so the
 * tests configure the service exactly as production does (with DATABASE_URL already set in the environment, the
 * application reads that one), and at the tests' JWT key pair ({@link TestKeys}).
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestKeys.config());
        if (TestDatabase.isEmbedded()) {
            config.put("DATABASE_URL", TestDatabase.neonStyleUrl(TestDatabase.APPLICATION_DATABASE));
        }
        return config;
    }

    @Override
    public void stop() {
        // The server outlives a Quarkus restart between test profiles; TestDatabase stops it when the JVM exits.
    }
}
