package dev.lms.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * {@code lms.database.*}: how long a request waits for a database that is waking up. A Neon compute suspended after
 * a quiet spell accepts the next connection at once and completes its start-up handshake when it is awake, a few
 * hundred milliseconds to a few seconds later. application.properties hands this bound to the pool as its acquisition
 * timeout and login timeout, so the first request after a suspension waits for the handshake and succeeds.
 * <p>
 * A database that is really down refuses the TCP connection: that fails at once and is a prompt 503, whatever this
 * bound. Only a connection that is accepted and then slow (waking, or a host gone silent) waits up to it.
 */
@ConfigMapping(prefix = "lms.database")
public interface DatabaseWakeConfig {

    @WithDefault("5s")
    Duration wakeTimeout();
}
