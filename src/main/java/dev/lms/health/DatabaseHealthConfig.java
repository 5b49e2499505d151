package dev.lms.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the database check behaves under probing: {@code lms.health.db.*}. */
@ConfigMapping(prefix = "lms.health.db")
public interface DatabaseHealthConfig {

    /**
     * How long one check's result answers every probe. Load balancers, Kubernetes and Prometheus may all probe at
     * once; they share one set of catalog queries per interval.
     */
    @WithDefault("1s")
    Duration cacheFor();

    /**
     * How long a check's queries may take before it reports the database DOWN, applied as the connection's network
     * timeout, so a host that stops answering cannot hold the check's thread. Getting a new connection may take
     * {@code lms.database.wake-timeout} on top (a Neon compute waking up).
     */
    @WithDefault("1500ms")
    Duration timeout();
}
