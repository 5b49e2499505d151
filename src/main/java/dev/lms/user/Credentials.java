package dev.lms.user;

import java.util.UUID;

/**
 * What a change to a user means for signing in, which the {@code auth} package implements: it depends on users, so
 * users reach it through this interface rather than the other way round.
 */
public interface Credentials {

    /** The hash to store for a new password. */
    String hash(String password);

    /** Checks a user's current password, counted by the login throttle like a sign-in. */
    boolean isCurrentPassword(UUID userId, String password);

    /** Ends every session of the user and refuses the tokens issued to them so far. */
    void revokeAll(UUID userId);

    /**
     * Call from the transaction that changes or deletes a user: their tokens are checked against the new state with
     * the very next request to this replica.
     */
    void changed(UUID userId);
}
