package dev.lms.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code lms.auth.*}: the tokens this service issues, and how it slows down password guessing. */
@ConfigMapping(prefix = "lms.auth")
public interface AuthConfig {

    /** How long a token from POST /api/v1/auth/token is valid. */
    @WithDefault("15m")
    Duration tokenLifespan();

    Throttling throttling();

    interface Throttling {

        /** Failed attempts for one email, in a row, after which that email is locked. */
        @WithDefault("5")
        int maxFailures();

        /** How long a locked email is refused; once it passes, each further failure locks it again until a success. */
        @WithDefault("15m")
        Duration lockFor();
    }
}
