package dev.lms.db.rollback;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the undo scripts of a {@link RollbackPlan} and removes their versions from Flyway's history, all in one
 * transaction: PostgreSQL's DDL is transactional, so the database ends either fully rolled back or untouched.
 * Undo scripts therefore must not use statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY).
 */
final class Rollback {

    /** How long to wait for the locks the undo needs before giving up: a service still running holds them. */
    static final String LOCK_TIMEOUT = "30s";

    private Rollback() {}

    static void execute(Connection connection, RollbackPlan plan, List<Integer> appliedVersionsWhenPlanned)
            throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            // Flyway reads this table before migrating, so holding it keeps a concurrent start-up from migrating
            // halfway through the undo.
            statement.execute("LOCK TABLE " + MigrationHistory.TABLE + " IN ACCESS EXCLUSIVE MODE");
            List<Integer> appliedNow = appliedVersions(connection);
            if (!appliedNow.equals(appliedVersionsWhenPlanned)) {
                throw new IllegalStateException("The history changed since the plan was made (applied versions were "
                        + appliedVersionsWhenPlanned + ", now " + appliedNow
                        + "); nothing was undone. Run the command again.");
            }
            for (UndoScript undo : plan.undoScripts()) {
                try {
                    statement.execute(undo.sql());
                } catch (SQLException e) {
                    throw new SQLException(undo.name() + " failed: " + e.getMessage(), e.getSQLState(), e);
                }
            }
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM " + MigrationHistory.TABLE + " WHERE version = ANY (?)")) {
                Array versions = connection.createArrayOf(
                        "text",
                        plan.versionsToRemove().stream().map(String::valueOf).toArray());
                delete.setArray(1, versions);
                delete.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Versions with a successful row in the history, in the order they were applied. */
    static List<Integer> appliedVersions(Connection connection) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM " + MigrationHistory.TABLE
                        + " WHERE version IS NOT NULL AND success AND type <> 'SCHEMA' ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(Integer.valueOf(rows.getString(1)));
            }
        }
        return versions;
    }
}
