package dev.lms.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** {@code lms.auth.*}: the tokens this service issues, and how it slows down password guessing. */
@ConfigMapping(prefix = "lms.auth")
public interface AuthConfig {

    /** How long an access token from POST /api/v1/auth/token or /refresh is valid. */
    @WithDefault("5m")
    Duration tokenLifespan();

    /** The {@code aud} of the tokens this service issues; {@code mp.jwt.verify.audiences} checks it by default. */
    @WithDefault("lms")
    String audience();

    /**
     * The bcrypt cost (log2 of its rounds) of password hashes written from now on: each step doubles the time a login
     * and a guess take. At 10, one hash took 85 ms on this project's 2-core build machine.
     */
    @WithDefault("10")
    @Min(4) @Max(31) int passwordHashCost();

    Throttling throttling();

    Refresh refresh();

    /**
     * How long a replica keeps what it read of a token's user (whether they exist, their role) before reading it
     * again. A change made through this replica's API takes effect at once; one made elsewhere (another replica, SQL)
     * within this bound. See {@link RegisteredUsers}.
     */
    @WithDefault("1s")
    Duration userStateCacheFor();

    /** How many verified tokens a replica keeps, so that each is parsed and verified once rather than per request. */
    @WithDefault("10000")
    int verifiedTokenCacheSize();

    interface Throttling {

        /** Failed attempts for one email, in a row, after which that email is locked. */
        @WithDefault("5")
        int maxFailures();

        /** How long a locked email is refused; once it passes, each further failure locks it again until a success. */
        @WithDefault("15m")
        Duration lockFor();
    }

    /** Refresh sessions: a login starts one, each refresh rotates its token. */
    interface Refresh {

        /** A refresh token not used for this long expires. */
        @WithDefault("12h")
        Duration idleTimeout();

        /** A session ends this long after its login, however often it was refreshed. */
        @WithDefault("7d")
        Duration maxAge();
    }
}
