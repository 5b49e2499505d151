package dev.lms.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Points the application under test at {@link TestDatabase}, through DATABASE_URL in the form Neon hands out, so the
 * tests configure the service exactly as production does. With DATABASE_URL already set in the environment, the
 * application reads that one and this resource adds nothing.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        if (!TestDatabase.isEmbedded()) {
            return Map.of();
        }
        return Map.of("DATABASE_URL", TestDatabase.neonStyleUrl(TestDatabase.APPLICATION_DATABASE));
    }

    @Override
    public void stop() {
        // The server outlives a Quarkus restart between test profiles; TestDatabase stops it when the JVM exits.
    }
}
