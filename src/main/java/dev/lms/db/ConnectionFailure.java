package dev.lms.db;

import java.sql.SQLException;

/**
 * Tells "the database cannot be reached right now" apart from "this statement failed". The first is a 503 and a DOWN
 * health check, and goes away by itself; the second is a bug or a rule the request broke.
 */
public final class ConnectionFailure {

    private ConnectionFailure() {}

    public static boolean isConnectionFailure(SQLException failure) {
        String state = failure.getSQLState();
        // No SQLState: the failure came from the pool, not the server ("Sorry, acquisition timeout!" from Agroal).
        return state == null
                // Class 08, connection exception: refused, broken, timed out.
                || state.startsWith("08")
                // Class 57P: the server is shutting down, crashed, or not yet accepting connections.
                || state.startsWith("57P")
                // Too many connections: Neon's and PgBouncer's limits, as much an outage for this request.
                || state.equals("53300");
    }
}
