package dev.lms.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * What a PostgreSQL error means for the client, by its SQLState's class (the first two characters) rather than a list
 * of codes, so that a code nobody listed still lands on the right side: the client's data, a clash with another
 * transaction, a busy or absent database, or a bug. Constraint violations (class 23) get their field-level problems from
 * {@link DatabaseErrorMapper} first; this table decides everything else.
 * <p>
 * See PostgreSQL's Appendix A, "PostgreSQL Error Codes", for the classes.
 */
public enum SqlStateClass {

    /** Class 22, data exception: a value the column cannot hold (out of range, bad encoding, NUL byte). */
    DATA(Status.BAD_REQUEST, "A value in the request is one the database cannot store.", false),
    /** Class 23 codes without a field-level rule (exclusion, restrict): the data as it stands refuses the write. */
    INTEGRITY(Status.CONFLICT, "The request conflicts with the data as it stands.", false),
    /** Class 54, program limit exceeded: a value too large for an index entry, a statement too complex. */
    PROGRAM_LIMIT(Status.BAD_REQUEST, "A value in the request exceeds a limit of the database.", false),
    /** Class 40, transaction rollback: a serialization failure or deadlock with a concurrent request. */
    CONCURRENT(
            Status.CONFLICT,
            "The request collided with a concurrent one and was rolled back; nothing was written. Retry it.",
            false),
    /** 55P03 lock not available, 55006 object in use, 57014 statement cancelled (timeout): busy, try again shortly. */
    BUSY(Status.SERVICE_UNAVAILABLE, "The database is busy; nothing was written. Retry in a moment.", true),
    /**
     * Class 08 connection exception, 57P0x shutdown, class 53 insufficient resources, 25006 read-only (a failover in
     * progress), class 58 system error: the database is out of reach for now.
     */
    UNAVAILABLE(Status.SERVICE_UNAVAILABLE, "The database is unavailable. Try again in a few seconds.", true),
    /** Anything else (42 syntax or undefined object, XX internal error, no SQLState): a bug, a 500. */
    BUG(Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred.", false);

    private final Response.StatusType status;
    private final String detail;
    private final boolean retryAfter;

    SqlStateClass(Response.StatusType status, String detail, boolean retryAfter) {
        this.status = status;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    public static SqlStateClass of(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return BUG;
        }
        switch (sqlState) {
            case "55P03", "55006", "57014":
                return BUSY;
            case "25006":
                return UNAVAILABLE;
            default:
                break;
        }
        return switch (sqlState.substring(0, 2)) {
            case "22" -> DATA;
            case "23" -> INTEGRITY;
            case "54" -> PROGRAM_LIMIT;
            case "40" -> CONCURRENT;
            case "08", "53", "58" -> UNAVAILABLE;
            case "57" -> sqlState.startsWith("57P") ? UNAVAILABLE : BUSY;
            default -> BUG;
        };
    }

    public Response.StatusType status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** Whether the answer carries {@code Retry-After}: the same request may well succeed later. */
    public boolean retryAfter() {
        return retryAfter;
    }
}
