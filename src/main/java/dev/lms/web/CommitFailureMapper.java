package dev.lms.web;

import dev.lms.db.ConnectionFailure;
import dev.lms.db.DatabaseUnavailable;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A transaction whose COMMIT was sent but whose answer never came: the connection broke during the commit itself.
 * PostgreSQL may have committed or not, and nothing here can tell, so the client gets a 503 that says exactly that,
 * not a 500 that looks like a bug and not a promise either way. An {@code Idempotency-Key} makes the retry safe: it
 * replays the stored response if the write committed, and runs it if it did not.
 * <p>
 * Narayana reports it as a {@link RollbackException} ("Could not commit transaction") carrying the resource's
 * {@link XAException} as a suppressed exception, or as a {@link HeuristicMixedException}. A connection failure
 * earlier, while Hibernate flushed before the commit, is the ordinary "database unavailable" 503: nothing was sent
 * to commit, so nothing was applied. Other commit failures get the mapping of their cause, as before.
 */
public class CommitFailureMapper {

    private static final Logger LOG = Logger.getLogger(CommitFailureMapper.class);

    static final String IN_DOUBT = "The connection to the database broke while the write was being committed: it may or"
            + " may not have been applied. Retry the request with the same Idempotency-Key to have it applied exactly"
            + " once; without a key, read the resource first to see whether it was.";

    private final DatabaseErrorMapper databaseErrors;

    CommitFailureMapper(DatabaseErrorMapper databaseErrors) {
        this.databaseErrors = databaseErrors;
    }

    @ServerExceptionMapper({RollbackException.class, HeuristicMixedException.class})
    public Response commitFailed(Exception failure, UriInfo uri, HttpHeaders headers) {
        if (isInDoubt(failure)) {
            LOG.warnf("Commit in doubt for %s: the connection broke during the commit", uri.getPath());
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, IN_DOUBT)
                            .withInstance(uri.getPath())
                            .toResponse())
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .build();
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException persistence) {
                return databaseErrors.persistenceFailed(persistence, uri, headers);
            }
        }
        return UnexpectedErrorMapper.internalError(failure, uri);
    }

    /** Whether the commit itself (the XA resource's, not the flush before it) failed for want of a connection. */
    static boolean isInDoubt(Throwable failure) {
        if (failure instanceof HeuristicMixedException) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof XAException && brokenConnection(suppressed)) {
                return true;
            }
        }
        return failure.getCause() instanceof XAException && brokenConnection(failure.getCause());
    }

    private static boolean brokenConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return ConnectionFailure.isConnectionFailure(sql);
            }
        }
        return false;
    }
}
