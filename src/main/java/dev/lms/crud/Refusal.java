package dev.lms.crud;

import java.util.UUID;

/**
 * A request a service refuses for a rule of the domain that the database cannot state: a row the caller may not see,
 * an action their role does not allow, a body naming a row of the wrong kind, a stale version. The web layer turns
 * it into a problem document ({@code dev.lms.web.RequestErrorMapper}); the database's own constraints are translated
 * there too, from their violations.
 */
public final class Refusal extends RuntimeException {

    public enum Reason {
        /** The row does not exist, or the caller may not see it: its existence does not leak. */
        NOT_FOUND,
        /** The caller sees the row but may not do this to it. */
        FORBIDDEN,
        /** A valid request that clashes with the current state of the data. */
        CONFLICT,
        /** A well-formed body whose {@link #field()} names a row that does not exist or is of the wrong kind. */
        UNPROCESSABLE,
        /** A request that breaks a rule of its own shape, about {@link #field()} when there is one. */
        INVALID,
        /** The caller named versions of the row, and {@link #currentVersion()} is none of them. */
        STALE
    }

    private final Reason reason;
    private final String field;
    private final long currentVersion;

    private Refusal(Reason reason, String field, String detail, long currentVersion) {
        super(detail, null, false, false);
        this.reason = reason;
        this.field = field;
        this.currentVersion = currentVersion;
    }

    /** {@code what} is the row's name as a reader would say it ("user", "course"). */
    public static Refusal notFound(String what, UUID id) {
        return new Refusal(Reason.NOT_FOUND, null, "No " + what + " with id " + id + ".", 0);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Reason.FORBIDDEN, null, detail, 0);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Reason.CONFLICT, null, detail, 0);
    }

    public static Refusal unprocessable(String field, String message) {
        return new Refusal(Reason.UNPROCESSABLE, field, message, 0);
    }

    /** About one field, in the same shape as a Bean Validation failure. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(Reason.INVALID, field, message, 0);
    }

    /** About the request as a whole. */
    public static Refusal invalid(String detail) {
        return new Refusal(Reason.INVALID, null, detail, 0);
    }

    public static Refusal stale(long currentVersion) {
        return new Refusal(Reason.STALE, null, "The row is at version " + currentVersion + ".", currentVersion);
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault; null when the refusal is about the request as a whole. */
    public String field() {
        return field;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
