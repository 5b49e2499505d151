package dev.lms.web;

import dev.lms.db.DatabaseUnavailable;
import io.quarkus.arc.All;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ExceptionUnwrapStrategy;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.UnwrapException;

/**
 * Translates what PostgreSQL refused into problems. The constraint is the truth: services may check first for a
 * friendlier message, but a row that slips past them (a race, a forgotten rule) still ends here as a 4xx, never a 500.
 * <p>
 * The body says which rule was broken, in the words of the feature's {@link DatabaseConstraints}; it never carries
 * the SQL or PostgreSQL's own message, which can quote other users' data (“Key (email)=(...) already exists”).
 * <p>
 * A database that cannot be reached at all is not the client's fault: that is a 503 ({@link DatabaseUnavailable}).
 * Any other SQLState is judged by its class ({@link SqlStateClass}): only a bug is a 500.
 * Failures at commit reach the resource wrapped in a {@link RollbackException} (and, through an interceptor, an
 * {@link ArcUndeclaredThrowableException}); both are unwrapped so that their cause is mapped here.
 */
@Singleton
@UnwrapException(
        value = {ArcUndeclaredThrowableException.class, RollbackException.class},
        strategy = ExceptionUnwrapStrategy.UNWRAP_IF_NO_EXACT_MATCH)
public class DatabaseErrorMapper {

    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";
    static final String CHECK_VIOLATION = "23514";
    static final String NOT_NULL_VIOLATION = "23502";
    /** A lock or statement timeout, a cancelled statement: seconds, not the 5 of an outage. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final Map<String, ConstraintRule> rules;

    @Inject
    public DatabaseErrorMapper(@All List<DatabaseConstraints> features) {
        this.rules = features.stream()
                .flatMap(feature -> java.util.stream.Stream.concat(
                        feature.rules().stream(), feature.textLimits().stream().map(TextLimit::rule)))
                .collect(Collectors.toUnmodifiableMap(ConstraintRule::constraint, Function.identity()));
    }

    /** Hibernate's exceptions, StaleObjectStateException and ConstraintViolationException included, are PersistenceExceptions. */
    @ServerExceptionMapper
    public Response persistenceFailed(PersistenceException failure, UriInfo uri, HttpHeaders headers) {
        return databaseFailed(failure, uri, headers);
    }

    /** A statement run on a plain JDBC connection, outside Hibernate. */
    @ServerExceptionMapper
    public Response statementFailed(SQLException failure, UriInfo uri, HttpHeaders headers) {
        return databaseFailed(failure, uri, headers);
    }

    private Response databaseFailed(Throwable failure, UriInfo uri, HttpHeaders headers) {
        if (DatabaseUnavailable.isCause(failure)) {
            return DatabaseUnavailableResponse.of(failure, uri);
        }
        return responseFor(
                failure, uri.getPath(), headers.getHeaderString(HttpHeaders.IF_MATCH) != null, bodySent(headers));
    }

    /** The answer to a request that failed in the database: a problem, with Retry-After for a 503; a 500 for a bug. */
    Response responseFor(Throwable failure, String path, boolean ifMatchSent, boolean bodySent) {
        return problemFor(failure, ifMatchSent, bodySent)
                .map(problem -> withRetryAfter(problem.withInstance(path).toResponse()))
                .orElseGet(() -> UnexpectedErrorMapper.internalError(failure, path));
    }

    /** The problem for a failed write, if it is one the client can act on; empty for a genuine server error. */
    Optional<Problem> problemFor(Throwable failure, boolean ifMatchSent) {
        return problemFor(failure, ifMatchSent, false);
    }

    Optional<Problem> problemFor(Throwable failure, boolean ifMatchSent, boolean bodySent) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Optional.of(concurrentUpdate(ifMatchSent));
            }
            if (cause instanceof JDBCException jdbc && jdbc.getSQLException() != null) {
                return problemFor(jdbc.getSQLException().getSQLState(), constraintName(jdbc), jdbc.getSQL(), bodySent);
            }
            if (cause instanceof SQLException sql) {
                return problemFor(sql.getSQLState(), constraintName(sql), null, bodySent);
            }
        }
        return Optional.empty();
    }

    /**
     * Someone else's write landed between our read and our update (the version in the UPDATE's WHERE clause no longer
     * matched). With If-Match the client asked for exactly this check, so it is a 412; without, a 409 to read again.
     */
    private static Problem concurrentUpdate(boolean ifMatchSent) {
        if (ifMatchSent) {
            return Problem.of(
                    Status.PRECONDITION_FAILED,
                    "The resource was changed by another request; read it again and retry.");
        }
        return Problem.of(
                Status.CONFLICT,
                "The resource was changed by another request at the same time; read it again and retry.");
    }

    private Optional<Problem> problemFor(String sqlState, String constraint, String sql, boolean bodySent) {
        ConstraintRule rule = constraint == null ? null : rules.get(constraint);
        boolean deleting =
                sql != null && sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("delete");
        if (sqlState == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (sqlState) {
                    case UNIQUE_VIOLATION ->
                        problem(Status.CONFLICT, rule, false, "A resource with the same unique value already exists.");
                    // The same foreign key fails in two directions: a write that points at a missing row (422), or the
                    // deletion of a row that RESTRICT keeps because others still point at it (409). The statement tells
                    // which.
                    case FOREIGN_KEY_VIOLATION ->
                        deleting
                                ? problem(
                                        Status.CONFLICT,
                                        rule,
                                        true,
                                        "Other resources still refer to this one; remove or reassign them first.")
                                : problem(
                                        ProblemException.UNPROCESSABLE_CONTENT,
                                        rule,
                                        false,
                                        "The request refers to a resource that does not exist.");
                    case CHECK_VIOLATION, NOT_NULL_VIOLATION ->
                        problem(
                                rule != null && rule.crossRowStatus() != null
                                        ? rule.crossRowStatus()
                                        : Status.BAD_REQUEST,
                                rule,
                                false,
                                "The request breaks a rule of the data model.");
                    default -> byClass(sqlState, bodySent);
                });
    }

    /**
     * Every other SQLState, by its class ({@link SqlStateClass}); null for a bug. A program limit hit while writing a
     * body (a value too long for an index entry) is the body's size, so a 413 then.
     */
    private static Problem byClass(String sqlState, boolean bodySent) {
        SqlStateClass kind = SqlStateClass.of(sqlState);
        if (kind == SqlStateClass.BUG) {
            return null;
        }
        if (kind == SqlStateClass.PROGRAM_LIMIT && bodySent) {
            return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "A value in the request is too large for the database.");
        }
        return Problem.of(kind.status(), kind.detail());
    }

    /** A 503 from here is transient by definition (a lock, a timeout, a restart): say when to try again. */
    private static Response withRetryAfter(Response response) {
        if (response.getStatus() != Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            return response;
        }
        return Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    private static boolean bodySent(HttpHeaders headers) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.equals("0")) || headers.getHeaderString("Transfer-Encoding") != null;
    }

    private static Problem problem(
            Response.StatusType status, ConstraintRule rule, boolean stillReferenced, String fallback) {
        if (rule == null) {
            return Problem.of(status, fallback);
        }
        if (stillReferenced) {
            return Problem.of(status, rule.whenStillReferenced() != null ? rule.whenStillReferenced() : fallback);
        }
        return Problem.of(status, rule.message())
                .withErrors(List.of(new Problem.FieldError(rule.field(), rule.message())));
    }

    private static String constraintName(JDBCException jdbc) {
        if (jdbc instanceof org.hibernate.exception.ConstraintViolationException violation
                && violation.getConstraintName() != null) {
            return violation.getConstraintName();
        }
        return constraintName(jdbc.getSQLException());
    }

    private static String constraintName(SQLException sql) {
        if (sql instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getConstraint();
        }
        return null;
    }
}
