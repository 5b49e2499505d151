package dev.lms.web;

import dev.lms.crud.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.UUID;

/**
 * A refusal the web layer answers with {@link #problem()} as it is: from a filter or a mapper, or from a service's
 * {@link Refusal} through {@link #of}. The database's own constraints are translated by {@link DatabaseErrorMapper}
 * instead.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The problem document for a refusal of the domain, the same one the factories below build. */
    public static ProblemException of(Refusal refusal) {
        return switch (refusal.reason()) {
            case NOT_FOUND -> new ProblemException(Problem.of(Status.NOT_FOUND, refusal.getMessage()));
            case FORBIDDEN -> forbidden(refusal.getMessage());
            case CONFLICT -> conflict(refusal.getMessage());
            case UNPROCESSABLE -> unprocessable(refusal.field(), refusal.getMessage());
            case INVALID ->
                refusal.field() == null
                        ? new ProblemException(Problem.of(Status.BAD_REQUEST, refusal.getMessage()))
                        : badRequest(refusal.field(), refusal.getMessage());
            case STALE -> preconditionFailed(refusal.currentVersion());
        };
    }

    /** 404: {@code what} is the resource's name as a reader would say it ("user", "course"). */
    public static ProblemException notFound(String what, UUID id) {
        return new ProblemException(Problem.of(Status.NOT_FOUND, "No " + what + " with id " + id + "."));
    }

    /**
     * 403: the caller may see this resource but not do this to it. A resource the caller may not see at all is a
     * {@link #notFound}, so that its existence does not leak.
     */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(Status.FORBIDDEN, detail));
    }

    /** 409: the request is valid but clashes with the current state of the data. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(Status.CONFLICT, detail));
    }

    /** 422: the body is well-formed, but {@code field} refers to a row that does not exist or is of the wrong kind. */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(
                Problem.of(UNPROCESSABLE_CONTENT, message).withErrors(List.of(new Problem.FieldError(field, message))));
    }

    /** 400 about one field of the request, in the same shape as a Bean Validation failure. */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, "The request is invalid.")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException preconditionFailed(long currentVersion) {
        return new ProblemException(Problem.of(
                Status.PRECONDITION_FAILED,
                "If-Match does not match the current version (ETag \"" + currentVersion
                        + "\"); read it again and retry."));
    }

    /** JAX-RS 3.1 has no constant for 422 (RFC 9110 section 15.5.21). */
    public static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Status.Family getFamily() {
            return Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };
}
