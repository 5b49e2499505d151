package dev.lms.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Deletes stored responses once {@code lms.idempotency.retention} has passed: they can hold personal data. Each
 * batch is one short statement of its own that skips rows in use, so requests never wait for the purge; every
 * replica runs it, and they share the work. Until a row is purged, the claim treats it as expired anyway.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyRecords records;
    private final IdempotencyConfig config;

    IdempotencyPurge(IdempotencyRecords records, IdempotencyConfig config) {
        this.records = records;
        this.config = config;
    }

    @Scheduled(
            identity = "idempotency-purge",
            every = "${lms.idempotency.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purgeExpired();
    }

    /** @return how many rows were deleted */
    public int purgeExpired() {
        int deleted = 0;
        try {
            for (int batch; (batch = records.purgeExpired()) > 0; ) {
                deleted += batch;
                if (batch < config.purgeBatchSize()) {
                    break;
                }
            }
        } catch (SQLException e) {
            // The database is away: the next run catches up.
            LOG.warnf("Purging expired idempotency keys failed (%s); the next run retries", e.getSQLState());
        }
        if (deleted > 0) {
            LOG.debugf("Purged %d expired idempotency keys", deleted);
        }
        return deleted;
    }
}
