package dev.lms.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The database check behind {@code GET /health/db}, the readiness check and the schema drift gauge: one
 * implementation, so they cannot disagree.
 * <p>
 * Each result is shared by every caller for {@code lms.health.db.cache-for}, and callers arriving while a check runs
 * wait for that one instead of starting their own. A check that has not answered within {@code lms.health.db.timeout}
 * reports DOWN; the blocked JDBC call runs off the caller's thread and ends at the same network timeout.
 */
@ApplicationScoped
public class DatabaseHealth {

    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class);

    private final Uni<DatabaseReport> sharedCheck;
    private volatile DatabaseReport.Status lastStatus;
    private volatile double lastKnownDrift = Double.NaN;

    DatabaseHealth(DatabaseProbe probe, DatabaseHealthConfig config, MeterRegistry registry) {
        this.sharedCheck = Uni.createFrom()
                .item(probe::check)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem()
                .after(config.timeout())
                .recoverWithItem(() -> DatabaseReport.failed(
                        Instant.now(), "no answer within " + config.timeout().toMillis() + " ms"))
                .invoke(this::remember)
                .memoize()
                .atLeast(config.cacheFor());
        Gauge.builder("lms.schema.drift", this, health -> health.lastKnownDrift)
                .description("Expected tables, foreign keys and indexes that are missing or have the wrong delete rule,"
                        + " as of the last database check that could read the catalog")
                .baseUnit("objects")
                .register(registry);
    }

    public Uni<DatabaseReport> report() {
        return sharedCheck;
    }

    private void remember(DatabaseReport report) {
        if (lastStatus != null && lastStatus != report.status()) {
            if (report.isUp()) {
                LOG.info("Database check is UP again");
            } else {
                LOG.warnf("Database check is DOWN: %s", String.join("; ", report.problems()));
            }
        }
        lastStatus = report.status();
        if (report.drift() != null) {
            lastKnownDrift = report.drift().count();
        }
    }
}
