package dev.lms.db;

import dev.lms.web.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;

/**
 * While the database is unreachable, API requests fail with a 503 and a {@code Retry-After}, instead of a 500 that
 * looks like a bug: at once when the database refuses connections, after {@code lms.database.wake-timeout} when it
 * accepts them and does not answer (see {@link DatabaseWakeConfig}).
 */
public final class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);

    /** Long enough for a pooler reconnect or a Neon compute to wake up; short enough for a retrying client. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {}

    /** Whether this failure, or one of its causes, is the database being out of reach. */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            SQLException sql = cause instanceof JDBCException jdbc
                    ? jdbc.getSQLException()
                    : cause instanceof SQLException direct ? direct : null;
            if (sql != null) {
                return ConnectionFailure.isConnectionFailure(sql);
            }
        }
        return false;
    }

    public static Response response(Throwable failure, UriInfo uri) {
        LOG.warnf(
                "Database unavailable for %s (%s)",
                uri.getPath(), failure.getClass().getSimpleName());
        Response problem = Problem.of(
                        Response.Status.SERVICE_UNAVAILABLE, "The database is unavailable. Try again in a few seconds.")
                .withInstance(uri.getPath())
                .toResponse();
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
