package dev.lms.db;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Stands in for the datasource URL in production when DATABASE_URL is unset, so that start-up fails with a message
 * naming the variable instead of a silent fallback or a generic "datasource not configured".
 * <p>
 * It fails when the URL is read (at run time), not when the source is created: the build reads configuration too,
 * and a build must not need production credentials.
 */
final class MissingDatabaseUrlConfigSource implements ConfigSource {

    static final String MESSAGE = "DATABASE_URL is not set. In production the service needs the pooled PostgreSQL URL"
            + " (and DIRECT_URL for migrations); it never starts an embedded database. See .env.example.";

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (propertyName.equals("quarkus.datasource.jdbc.url")) {
            throw new IllegalStateException(MESSAGE);
        }
        return null;
    }

    @Override
    public int getOrdinal() {
        return 275;
    }

    @Override
    public String getName() {
        return "lms-missing-database-url";
    }
}
