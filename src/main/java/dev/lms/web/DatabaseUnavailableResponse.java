package dev.lms.web;

import dev.lms.db.DatabaseUnavailable;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

/** The 503 problem, with {@code Retry-After}, for a request that failed because the database is out of reach. */
public final class DatabaseUnavailableResponse {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableResponse.class);

    private DatabaseUnavailableResponse() {}

    /** For a failure that {@link DatabaseUnavailable#isCause} recognises. */
    public static Response of(Throwable failure, UriInfo uri) {
        LOG.warnf("Database unavailable for %s (%s)", uri.getPath(), DatabaseUnavailable.describe(failure));
        Response problem = Problem.of(
                        Response.Status.SERVICE_UNAVAILABLE, "The database is unavailable. Try again in a few seconds.")
                .withInstance(uri.getPath())
                .toResponse();
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .build();
    }
}
