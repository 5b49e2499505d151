package dev.lms.db;

import dev.lms.web.Problem;
import dev.lms.web.UnexpectedErrorMapper;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ExceptionUnwrapStrategy;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.UnwrapException;

/**
 * While the database is unreachable, API requests fail fast (within the pool's acquisition timeout) with a 503 and a
 * {@code Retry-After}, instead of a 500 that looks like a bug.
 * <p>
 * A failure at commit reaches the resource wrapped in a {@link RollbackException} (and, through an interceptor, an
 * {@link ArcUndeclaredThrowableException}); both are unwrapped so that the cause picks its mapper. More specific
 * Hibernate exceptions, such as constraint violations, keep their own mappers.
 */
@UnwrapException(value = { ArcUndeclaredThrowableException.class, RollbackException.class },
        strategy = ExceptionUnwrapStrategy.UNWRAP_IF_NO_EXACT_MATCH)
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    /** Long enough for a pooler reconnect or a Neon compute to wake up; short enough for a retrying client. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final UnexpectedErrorMapper unexpected = new UnexpectedErrorMapper();

    @ServerExceptionMapper
    public Response databaseFailure(JDBCException failure, UriInfo uri) {
        if (!ConnectionFailure.isConnectionFailure(failure.getSQLException())) {
            return unexpected.unexpected(failure, uri);
        }
        LOG.warnf("Database unavailable for %s (SQLState %s)", uri.getPath(), failure.getSQLState());
        Response problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                        "The database is unavailable. Try again in a few seconds.")
                .withInstance(uri.getPath()).toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
