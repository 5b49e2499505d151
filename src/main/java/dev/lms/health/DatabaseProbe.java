package dev.lms.health;

import dev.lms.db.ConnectionFailure;
import dev.lms.health.DatabaseReport.Database;
import dev.lms.health.DatabaseReport.Migrations;
import dev.lms.schema.CatalogInspector;
import dev.lms.schema.CatalogSnapshot;
import dev.lms.schema.SchemaDrift;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jboss.logging.Logger;

/**
 * One database check, done with plain JDBC on one pooled connection: a {@code SELECT 1} for the round trip, the
 * three catalog queries of {@link CatalogInspector}, and one read of Flyway's history table. The connection goes back
 * to the pool before the report is built.
 */
@ApplicationScoped
class DatabaseProbe {

    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class);
    private static final String UNDEFINED_TABLE = "42P01";

    private final DataSource dataSource;
    private final Flyway flyway;
    private final int networkTimeoutMillis;

    /** Versions of the migrations this build ships; null until {@link #learnShippedMigrations()} succeeded. */
    private volatile List<MigrationVersion> shipped;

    DatabaseProbe(DataSource dataSource, Flyway flyway, DatabaseHealthConfig config) {
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.networkTimeoutMillis = Math.toIntExact(config.timeout().toMillis());
    }

    /**
     * Asks Flyway once, at start-up, which migrations the artifact carries. They cannot change while the process
     * runs, and {@code flyway.info()} on every probe would rescan them and open a connection of its own (through
     * DIRECT_URL, outside the pool and its timeouts).
     */
    void learnShippedMigrations() {
        try {
            shipped = Arrays.stream(flyway.info().all())
                    .filter(migration ->
                            migration.isVersioned() && migration.getState().isResolved())
                    .map(MigrationInfo::getVersion)
                    .distinct()
                    .toList();
        } catch (RuntimeException e) {
            LOG.warn("Could not list the shipped migrations; /health/db will not count pending ones", e);
        }
    }

    DatabaseReport check() {
        Instant checkedAt = Instant.now();
        Database database;
        CatalogSnapshot catalog;
        Optional<MigrationVersion> current;
        try (Connection connection = dataSource.getConnection()) {
            // Agroal does not reset a connection's network timeout when it goes back to the pool: left in place, it
            // would break any later request on this connection that waits longer (behind a migration's lock, say).
            int poolNetworkTimeout = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
            try {
                long start = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                double latencyMs = Math.round((System.nanoTime() - start) / 100_000.0) / 10.0;
                DatabaseMetaData metadata = connection.getMetaData();
                database = new Database(
                        metadata.getDatabaseProductName(), metadata.getDatabaseProductVersion(), latencyMs, null);
                catalog = CatalogInspector.inspect(connection);
                current = appliedVersion(connection);
            } finally {
                restoreNetworkTimeout(connection, poolNetworkTimeout);
            }
        } catch (SQLException e) {
            LOG.debug("Database check failed", e);
            return DatabaseReport.failed(checkedAt, reason(e));
        }
        return DatabaseReport.of(checkedAt, database, migrations(current), SchemaDrift.between(catalog));
    }

    /** Quietly: a connection that fails here is broken, and the check's own failure is the one worth reporting. */
    private static void restoreNetworkTimeout(Connection connection, int millis) {
        try {
            connection.setNetworkTimeout(Runnable::run, millis);
        } catch (SQLException e) {
            LOG.debug("Could not restore the network timeout of a pooled connection", e);
        }
    }

    /** The highest version recorded as applied, or empty when there is no history table. */
    private Optional<MigrationVersion> appliedVersion(Connection connection) throws SQLException {
        String table = quote(flyway.getConfiguration().getTable());
        String schema = flyway.getConfiguration().getDefaultSchema();
        String sql = "SELECT version FROM " + (schema == null ? "" : quote(schema) + ".") + table
                + " WHERE success AND version IS NOT NULL";
        List<MigrationVersion> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                versions.add(MigrationVersion.fromVersion(rows.getString(1)));
            }
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
        return versions.stream().max(MigrationVersion::compareTo);
    }

    private Migrations migrations(Optional<MigrationVersion> current) {
        List<MigrationVersion> known = shipped;
        Integer pending = known == null
                ? null
                : (int) known.stream()
                        .filter(v -> current.isEmpty() || v.isNewerThan(current.get()))
                        .count();
        return new Migrations(current.map(MigrationVersion::getVersion).orElse(null), pending);
    }

    /** Why the check failed, without the driver's message: pgJDBC's messages quote the host and port. */
    private String reason(SQLException e) {
        if (e instanceof SQLTimeoutException || e.getCause() instanceof SocketTimeoutException) {
            return "no answer within " + networkTimeoutMillis + " ms";
        }
        String state = e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")";
        return ConnectionFailure.isConnectionFailure(e) ? "no connection" + state : "check query failed" + state;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
