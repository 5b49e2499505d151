package dev.lms.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code lms.idempotency.*}: how long the outcome of a request sent with an Idempotency-Key is kept. */
@ConfigMapping(prefix = "lms.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key is remembered. A retry within it gets the first response; after it, the key is new again. Stored
     * responses can hold personal data (a user's email, a submission's text): they are deleted once this has passed.
     */
    @WithDefault("24h")
    Duration retention();

    /** How often expired rows are purged ({@link IdempotencyPurge}, read by its {@code @Scheduled}). */
    @WithDefault("10m")
    Duration purgeEvery();

    /** How many expired rows one purge statement deletes, so that no purge holds many row locks for long. */
    @WithDefault("500")
    int purgeBatchSize();
}
