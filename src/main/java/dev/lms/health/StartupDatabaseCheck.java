package dev.lms.health;

import dev.lms.db.DatabaseUrl;
import dev.lms.schema.ExpectedSchema;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.jboss.logging.Logger;

/**
 * Checks the database once Flyway has migrated it at start-up, and says in one log line where the service is
 * connected, to which server version, on which migration, and whether the schema matches. The startup probe turns UP
 * once that check has run; from then on readiness tells whether the database is usable.
 */
@Startup
@ApplicationScoped
public class StartupDatabaseCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StartupDatabaseCheck.class);

    private final DatabaseProbe probe;
    private final DatabaseHealth health;
    private final String jdbcUrl;
    private volatile DatabaseReport atStartup;

    StartupDatabaseCheck(
            DatabaseProbe probe,
            DatabaseHealth health,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl) {
        this.probe = probe;
        this.health = health;
        this.jdbcUrl = jdbcUrl;
    }

    void onStart(@Observes StartupEvent event) {
        probe.learnShippedMigrations();
        DatabaseReport report = health.report().await().indefinitely();
        String host = host();
        if (report.database().error() != null) {
            LOG.warnf(
                    "Database at %s did not answer the start-up check: %s",
                    host, report.database().error());
        } else if (report.isUp()) {
            LOG.infof(
                    "Database: %s %s at %s, migration version %s (none pending), schema matches:"
                            + " %d tables, %d foreign keys, %d indexes",
                    report.database().product(),
                    report.database().version(),
                    host,
                    report.migrations().current(),
                    ExpectedSchema.TABLES.size(),
                    ExpectedSchema.FOREIGN_KEYS.size(),
                    ExpectedSchema.INDEXES.size());
        } else {
            LOG.warnf(
                    "Database: %s %s at %s, migration version %s; NOT READY: %s",
                    report.database().product(),
                    report.database().version(),
                    host,
                    report.migrations().current(),
                    String.join("; ", report.problems()));
        }
        atStartup = report;
    }

    private String host() {
        try {
            return DatabaseUrl.parse("quarkus.datasource.jdbc.url", jdbcUrl).host();
        } catch (IllegalArgumentException e) {
            return "the configured host";
        }
    }

    @Override
    public HealthCheckResponse call() {
        DatabaseReport report = atStartup;
        return HealthCheckResponse.named("database-checked-at-start-up")
                .status(report != null)
                .build();
    }
}
