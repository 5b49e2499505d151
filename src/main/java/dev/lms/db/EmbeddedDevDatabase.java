package dev.lms.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 17, unpacked from Maven Central binaries, for {@code quarkus:dev} when no DATABASE_URL is given.
 * <p>
 * One per JVM: dev mode's live reload restarts the application, not the database, so data survives a reload.
 * Only the dev profile looks it up (see {@link DevDatabase}); the packaged application does not carry zonky.
 */
public final class EmbeddedDevDatabase implements DevDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDevDatabase.class);
    private static EmbeddedPostgres instance;

    @Override
    public Map<String, String> datasourceProperties() {
        return properties();
    }

    private static synchronized Map<String, String> properties() {
        if (instance == null) {
            instance = start();
        }
        String url = instance.getJdbcUrl("postgres", "postgres");
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                // Flyway gets a connection of its own, as in production, so the migrating session's lock and
                // statement timeouts (quarkus.flyway.init-sql) never reach the application's pool.
                "quarkus.flyway.jdbc-url", url,
                "quarkus.flyway.username", "postgres",
                "quarkus.flyway.password", "postgres");
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    postgres.close();
                                } catch (IOException e) {
                                    LOG.warn("Could not stop the embedded PostgreSQL", e);
                                }
                            },
                            "embedded-postgres-shutdown"));
            LOG.infof(
                    "DATABASE_URL is not set: started an embedded PostgreSQL on port %d for dev mode (data is discarded on exit)",
                    postgres.getPort());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for dev mode", e);
        }
    }
}
