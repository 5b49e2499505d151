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
    static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    static final String DATETIME_FIELD_OVERFLOW = "22008";

    private final Map<String, ConstraintRule> rules;

    @Inject
    public DatabaseErrorMapper(@All List<DatabaseConstraints> features) {
        this.rules = features.stream()
                .flatMap(feature -> feature.rules().stream())
                .collect(Collectors.toUnmodifiableMap(ConstraintRule::constraint, Function.identity()));
    }

    /** Hibernate's exceptions, StaleObjectStateException and ConstraintViolationException included, are PersistenceExceptions. */
    @ServerExceptionMapper
    public Response persistenceFailed(PersistenceException failure, UriInfo uri, HttpHeaders headers) {
        if (DatabaseUnavailable.isCause(failure)) {
            return DatabaseUnavailable.response(failure, uri);
        }
        return problemFor(failure, headers.getHeaderString(HttpHeaders.IF_MATCH) != null)
                .map(problem -> problem.withInstance(uri.getPath()).toResponse())
                .orElseGet(() -> UnexpectedErrorMapper.internalError(failure, uri));
    }

    /** The problem for a failed write, if it is one the client can act on; empty for a genuine server error. */
    Optional<Problem> problemFor(Throwable failure, boolean ifMatchSent) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Optional.of(concurrentUpdate(ifMatchSent));
            }
            if (cause instanceof JDBCException jdbc && jdbc.getSQLException() != null) {
                return problemFor(jdbc.getSQLException().getSQLState(), constraintName(jdbc), jdbc.getSQL());
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

    private Optional<Problem> problemFor(String sqlState, String constraint, String sql) {
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
                    // A well-formed value the column cannot hold, such as an instant in the year 300000 (PostgreSQL
                    // stores
                    // 4713 BC to 294276 AD); Bean Validation has no rule for that range, so the database is the check.
                    case NUMERIC_VALUE_OUT_OF_RANGE, DATETIME_FIELD_OVERFLOW ->
                        Problem.of(
                                Status.BAD_REQUEST,
                                "A value in the request is outside the range the database can store.");
                    default -> null;
                });
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
        SQLException sql = jdbc.getSQLException();
        if (sql instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getConstraint();
        }
        return null;
    }
}
