package dev.lms.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Points the application under test at {@link TestDatabase}. With DATABASE_URL set, the application reads it itself
 * (as in production) and this resource adds nothing.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        if (!TestDatabase.isEmbedded()) {
            return Map.of();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", TestDatabase.jdbcUrl(),
                "quarkus.datasource.username", TestDatabase.username(),
                "quarkus.datasource.password", TestDatabase.password());
    }

    @Override
    public void stop() {
        // The server outlives a Quarkus restart between test profiles; TestDatabase stops it when the JVM exits.
    }
}
