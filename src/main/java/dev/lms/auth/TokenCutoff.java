package dev.lms.auth;

import java.time.Instant;

/**
 * {@code users.tokens_valid_after}, set by a password change and by {@code revoke-tokens}: the access tokens issued up
 * to then are refused. JWT times are whole seconds, so the comparison is too, and it errs on the safe side: a token
 * whose {@code iat} falls in the same second as the cutoff is refused even if it was signed a moment after it. That
 * is why tokens this service issues are stamped with {@link #issuedAt}, never earlier than the second after the
 * cutoff, so that a login right after a password change still gets a token that works.
 */
public final class TokenCutoff {

    private TokenCutoff() {}

    /** Whether a token with this {@code iat} (seconds) is refused; {@code cutoff} null means nothing was revoked. */
    public static boolean refuses(Instant cutoff, long issuedAt) {
        return cutoff != null && issuedAt <= cutoff.getEpochSecond();
    }

    /** The {@code iat} of a token issued {@code now} (the database's clock) that the cutoff does not refuse. */
    public static long issuedAt(Instant now, Instant cutoff) {
        long second = now.getEpochSecond();
        return cutoff == null ? second : Math.max(second, cutoff.getEpochSecond() + 1);
    }
}
