package dev.lms.db;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Points Flyway at DIRECT_URL: its migration lock is a session-level advisory lock, which a transaction-mode pooler
 * (PgBouncer, Neon's "-pooler" endpoint) does not keep on one server session.
 * <p>
 * A customizer rather than {@code quarkus.flyway.jdbc-url}: Quarkus refuses that setting unless a user name and a
 * password come with it, and a trust or client-certificate login has no password (with none, pgJDBC also reads
 * {@code ~/.pgpass}). An explicit {@code quarkus.flyway.jdbc-url}, user name or password still wins.
 */
@Singleton
public class MigrationDataSource implements FlywayConfigurationCustomizer {

    private final MigrationConnection connection;
    private final Optional<String> explicitUrl;
    private final Optional<String> explicitUsername;
    private final Optional<String> explicitPassword;

    MigrationDataSource(
            MigrationConnection connection,
            @ConfigProperty(name = "quarkus.flyway.jdbc-url") Optional<String> explicitUrl,
            @ConfigProperty(name = "quarkus.flyway.username") Optional<String> explicitUsername,
            @ConfigProperty(name = "quarkus.flyway.password") Optional<String> explicitPassword) {
        this.connection = connection;
        this.explicitUrl = explicitUrl;
        this.explicitUsername = explicitUsername;
        this.explicitPassword = explicitPassword;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (explicitUrl.isPresent() || connection.jdbcUrl().isEmpty()) {
            return;
        }
        configuration.dataSource(
                connection.jdbcUrl().get(),
                explicitUsername.or(connection::username).orElse(null),
                explicitPassword.or(connection::password).orElse(null));
    }
}
