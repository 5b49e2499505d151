package dev.lms.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The last resort: anything no other mapper claimed (JAX-RS's own exceptions go to {@link RequestErrorMapper}) is logged with its stack trace and answered with a 500 problem
 * that says nothing about the internals. A 500 is a bug; the log line is how it gets found.
 */
public class UnexpectedErrorMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable failure, UriInfo uri) {
        return internalError(failure, uri);
    }

    /**
     * One log record (its stack trace attached) and a problem that carry the same {@code errorId}: a client reporting
     * the failure gives the id, and the id finds the line. The problem's {@code traceId} finds the request's trace and
     * its other log lines.
     */
    static Response internalError(Throwable failure, UriInfo uri) {
        return internalError(failure, uri.getPath());
    }

    static Response internalError(Throwable failure, String path) {
        String errorId = newErrorId();
        LOG.errorf(
                failure,
                "errorId=%s: unhandled %s on %s",
                errorId,
                failure.getClass().getName(),
                path);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred.")
                .withInstance(path)
                .withErrorId(errorId)
                .toResponse();
    }

    private static String newErrorId() {
        UUID random = UUID.randomUUID();
        return String.format("%016x%016x", random.getMostSignificantBits(), random.getLeastSignificantBits());
    }
}
