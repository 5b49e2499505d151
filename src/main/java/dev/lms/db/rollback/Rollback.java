package dev.lms.db.rollback;

import dev.lms.schema.CatalogInspector;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.Utils;

/**
 * Backs up every table, runs the undo scripts of a {@link RollbackPlan} and removes their versions from Flyway's
 * history, all in one transaction that first locks every table against writers: PostgreSQL's DDL is transactional,
 * so the database ends either fully rolled back or untouched, and no write can land between the backup and the undo.
 * <p>
 * The lock (EXCLUSIVE MODE: readers go on, writers wait) is granted once every transaction that was writing has ended,
 * so every write acknowledged before the rollback began is in the copy; a write that arrives later waits, and then
 * fails or lands in the rolled-back schema. Undo scripts must not use statements that cannot run in a transaction
 * (CREATE INDEX CONCURRENTLY).
 */
final class Rollback {

    /** How long to wait for the locks the undo needs before giving up: a service still running holds them. */
    static final String LOCK_TIMEOUT = "30s";

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private Rollback() {}

    /** @return the backup's directory, written and flushed to disk before the undo committed */
    static Path execute(
            Connection connection, RollbackPlan plan, List<Integer> appliedVersionsWhenPlanned, Path backupRoot)
            throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            // Flyway reads this table before migrating, so holding it keeps a concurrent start-up from migrating
            // halfway through the undo.
            lock(statement, MigrationHistory.TABLE + " IN ACCESS EXCLUSIVE MODE");
            List<Integer> appliedNow = appliedVersions(connection);
            if (!appliedNow.equals(appliedVersionsWhenPlanned)) {
                throw new IllegalStateException("The history changed since the plan was made (applied versions were "
                        + appliedVersionsWhenPlanned + ", now " + appliedNow
                        + "); nothing was undone. Run the command again.");
            }
            List<String> tables = CopyBackup.restoreOrder(CatalogInspector.inspect(connection));
            List<String> quoted = new ArrayList<>();
            for (String table : tables) {
                quoted.add(Utils.escapeIdentifier(null, table).toString());
            }
            lock(statement, String.join(", ", quoted) + " IN EXCLUSIVE MODE");
            Path backup = CopyBackup.copyWithin(connection, backupRoot, plan.currentVersion());
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
            return backup;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void lock(Statement statement, String tablesAndMode) throws SQLException {
        try {
            statement.execute("LOCK TABLE " + tablesAndMode);
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new SQLException(
                        "Could not lock the tables within " + LOCK_TIMEOUT + ": another session kept writing (or held"
                                + " a transaction open). Nothing was backed up or undone. Stop or scale the service to"
                                + " zero (the sessions listed above), then run the command again.",
                        e.getSQLState(),
                        e);
            }
            throw e;
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
