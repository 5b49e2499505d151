package dev.lms.db;

import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.JDBCException;

/**
 * While the database is unreachable, API requests fail with a 503 and a {@code Retry-After}, instead of a 500 that
 * looks like a bug: at once when the database refuses connections, after {@code lms.database.wake-timeout} when it
 * accepts them and does not answer (see {@link DatabaseWakeConfig}). This class recognises such a failure; the web
 * layer answers it ({@code dev.lms.web.DatabaseUnavailableResponse}).
 */
public final class DatabaseUnavailable {

    /** Long enough for a pooler reconnect or a Neon compute to wake up; short enough for a retrying client. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {}

    /** Whether this failure, or one of its causes, is the database being out of reach. */
    public static boolean isCause(Throwable failure) {
        return firstSqlException(failure)
                .map(ConnectionFailure::isConnectionFailure)
                .orElse(false);
    }

    /** For the log: the SQLState and message of the driver's exception, or the failure's class without one. */
    public static String describe(Throwable failure) {
        return firstSqlException(failure)
                .map(sql -> "SQLState " + sql.getSQLState() + ": " + sql.getMessage())
                .orElse(failure.getClass().getSimpleName());
    }

    private static Optional<SQLException> firstSqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            SQLException sql = cause instanceof JDBCException jdbc
                    ? jdbc.getSQLException()
                    : cause instanceof SQLException direct ? direct : null;
            if (sql != null) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}
