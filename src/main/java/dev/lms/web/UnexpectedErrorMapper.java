package dev.lms.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

    static Response internalError(Throwable failure, UriInfo uri) {
        LOG.error("Unhandled error on " + uri.getPath(), failure);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "An unexpected error occurred.")
                .withInstance(uri.getPath())
                .toResponse();
    }
}
