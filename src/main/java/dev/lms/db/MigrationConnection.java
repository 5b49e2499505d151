package dev.lms.db;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Where Flyway migrates: DIRECT_URL (or DATABASE_URL) as {@link DatabaseConfigSourceFactory} publishes it. Empty when
 * neither variable is set (dev mode's embedded database), and Flyway then uses the application's datasource.
 */
@ConfigMapping(prefix = MigrationConnection.PREFIX)
public interface MigrationConnection {

    String PREFIX = "lms.database.migrations";

    Optional<String> jdbcUrl();

    Optional<String> username();

    Optional<String> password();
}
