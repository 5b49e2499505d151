package dev.lms.crud;

import dev.lms.access.Caller;
import java.util.UUID;

/**
 * Ownership fields of a request body ({@code authorId}, ...), which only an ADMIN sets freely. Anyone else may leave
 * the field out or repeat the one value the token allows: themselves when they create a row, its current owner when
 * they edit it (a moderator's edit does not make the post theirs). Any other value is a 403, not silently replaced,
 * so a client that tried to write as someone else learns it did not.
 */
public final class Ownership {

    private Ownership() {}

    /**
     * @param field     the body's field, for the 403's message
     * @param requested the body's value; null when left out
     * @param expected  the only value a non-admin may write: {@link Caller#id()} on create, the current owner on edit
     * @return the owner to store
     */
    public static UUID of(Caller caller, String field, UUID requested, UUID expected) {
        if (caller.isAdmin()) {
            return requested;
        }
        if (requested != null && !requested.equals(expected)) {
            throw Refusal.forbidden(field + " must be " + (expected == null ? "left out" : expected)
                    + ": only an admin writes in someone else's name or changes who wrote something.");
        }
        return expected;
    }
}
