package dev.lms.health;

import dev.lms.db.DatabaseWakeConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The database check behind {@code GET /health/db}, the readiness check and the schema drift gauge: one
 * implementation, so they cannot disagree.
 * <p>
 * Each result is shared by every caller for {@code lms.health.db.cache-for}, and callers arriving while a check runs
 * wait for that one instead of starting their own. A check may wait {@code lms.database.wake-timeout} for a new
 * connection (a Neon compute waking up is not DOWN), then {@code lms.health.db.timeout} for its queries; past both it
 * reports DOWN. The blocked JDBC call runs off the caller's thread and ends at the pool's and the network timeout.
 */
@ApplicationScoped
public class DatabaseHealth {

    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class);

    private final Uni<DatabaseReport> sharedCheck;
    private volatile DatabaseReport.Status lastStatus;
    private volatile double lastKnownDrift = Double.NaN;

    DatabaseHealth(DatabaseProbe probe, DatabaseHealthConfig config, DatabaseWakeConfig wake, MeterRegistry registry) {
        Duration bound = wake.wakeTimeout().plus(config.timeout());
        this.sharedCheck = Uni.createFrom()
                .item(probe::check)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem()
                .after(bound)
                .recoverWithItem(
                        () -> DatabaseReport.failed(Instant.now(), "no answer within " + bound.toMillis() + " ms"))
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
