package dev.lms.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jboss.logging.Logger;

/**
 * Lets one replica at a time run Flyway, from its first look at the database to its last migration.
 * <p>
 * Flyway serialises the migrations themselves with an advisory lock of its own, but it decides whether to migrate an
 * empty database or to baseline an existing one before taking it, in two catalog reads: "no history table", then
 * "is the schema empty?". Replicas starting together against an empty database could fall between them: one replica
 * creates its history table, and another, which had just found none, then finds a non-empty schema and baselines it.
 * {@link BaselineGuard} refused that (the tables were half built or not there yet), and Flyway's own baseline would have
 * refused it too ("it already exists, and is empty"), so that replica failed to start.
 * <p>
 * This callback takes a session-level advisory lock on Flyway's main connection as soon as Flyway has connected
 * ({@link Event#AFTER_CONNECT}, before any of those reads) and keeps it until Flyway closes that connection at the
 * end of the command. A replica that comes second waits, then finds the history table and nothing pending. The lock
 * is held on the direct connection (DIRECT_URL), like Flyway's own; a transaction-mode pooler could not keep it.
 * It is also released explicitly when the command ends (see {@link #RELEASES}), because without DATABASE_URL (dev mode,
 * tests) Flyway borrows the application's pool, whose connections outlive it.
 * <p>
 * It waits by polling {@code pg_try_advisory_lock}, so Flyway's {@code lock_timeout} (lms.migration.lock-timeout) does
 * not cut the wait short: a migration on a large database takes longer than that. The wait is bounded by Flyway's
 * {@code lockRetryCount} (seconds; negative: no bound), as Flyway bounds its own.
 */
public class MigrationSerializer implements Callback {

    /** The advisory lock's key: "lms-migr" in ASCII, apart from Flyway's own ("Flyway" plus a table hash). */
    static final long LOCK_KEY = 0x6c6d732d6d696772L;

    private static final Logger LOG = Logger.getLogger(MigrationSerializer.class);
    private static final long POLL_MILLIS = 100;
    private static final long REPORT_EVERY_MILLIS = 10_000;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_CONNECT || releases(event);
    }

    /** Ends a command: see {@link #RELEASES}. */
    private static boolean releases(Event event) {
        return RELEASES.contains(event) || event.name().endsWith("_OPERATION_FINISH");
    }

    /**
     * Besides {@code AFTER_*_OPERATION_FINISH} (a command that succeeded): the error of each command, which ends it, and
     * {@code AFTER_MIGRATE} and {@code AFTER_INFO}, in case a command returns before its finish event. Not
     * {@code AFTER_VALIDATE} nor {@code AFTER_BASELINE}, which migrate runs as steps before the reads the lock guards;
     * nor the {@code AFTER_EACH_*} errors, which fire inside a migration's transaction and do not end the command.
     */
    private static final Set<Event> RELEASES = EnumSet.of(
            Event.AFTER_MIGRATE,
            Event.AFTER_INFO,
            Event.AFTER_MIGRATE_ERROR,
            Event.AFTER_INFO_ERROR,
            Event.AFTER_VALIDATE_ERROR,
            Event.AFTER_BASELINE_ERROR,
            Event.AFTER_CLEAN_ERROR,
            Event.AFTER_REPAIR_ERROR,
            Event.AFTER_UNDO_ERROR);

    /**
     * The connection that holds the lock: Flyway's main connection, on which {@code AFTER_CONNECT} runs. The events
     * that end a command may come on another ({@code AFTER_MIGRATE} on a connection of its own, the finish events on
     * the migration connection), so the release goes to this one. Per thread: a command runs on one.
     */
    private final ThreadLocal<Connection> holder = new ThreadLocal<>();

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        // Not in a transaction: a session-level lock outlives it anyway, and polling must not hold one open.
        return false;
    }

    @Override
    public void handle(Event event, Context context) {
        if (releases(event)) {
            Connection holding = holder.get();
            if (holding != null) {
                holder.remove();
                release(holding);
            }
            return;
        }
        Connection connection = context.getConnection();
        int retries = context.getConfiguration().getLockRetryCount();
        long deadline = retries < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + retries * 1000L;
        long started = System.currentTimeMillis();
        long nextReport = started + REPORT_EVERY_MILLIS;
        try {
            while (!tryLock(connection)) {
                long now = System.currentTimeMillis();
                if (now >= deadline) {
                    throw new FlywayException("Another instance has been running Flyway on this database for more than "
                            + retries + " s (advisory lock " + LOCK_KEY + "); giving up. Configure the wait with"
                            + " quarkus.flyway.lock-retry-count.");
                }
                if (now >= nextReport) {
                    LOG.infof(
                            "Waiting for another instance's migration to finish (%d s so far)", (now - started) / 1000);
                    nextReport = now + REPORT_EVERY_MILLIS;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not take the migration lock (advisory lock " + LOCK_KEY + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlywayException("Interrupted while waiting for another instance's migration", e);
        }
        holder.set(connection);
        long waited = System.currentTimeMillis() - started;
        if (waited >= POLL_MILLIS) {
            LOG.infof("Another instance's migration finished after %d ms; checking the database again", waited);
        }
    }

    /**
     * Releases every hold this session has on the lock (it is re-entrant); a session holding none releases nothing.
     * Takes effect at once, inside a transaction or not, so it neither commits nor rolls back. Also for a callback that
     * ends the command by throwing where Flyway fires no error event ({@link BaselineGuard}, at
     * {@code BEFORE_BASELINE}, on the main connection).
     */
    static void release(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            while (holds(statement)) {
                try (ResultSet result = statement.executeQuery("SELECT pg_advisory_unlock(" + LOCK_KEY + ")")) {
                    result.next();
                }
            }
        } catch (SQLException e) {
            // Closing the connection releases it too; a failure here must not hide the command's own outcome.
            LOG.warn("Could not release the migration lock; it goes with the connection", e);
        }
    }

    private static boolean holds(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT EXISTS (SELECT FROM pg_locks WHERE locktype = 'advisory'"
                + " AND pid = pg_backend_pid() AND granted AND objsubid = 1"
                + " AND classid::bigint = " + (LOCK_KEY >>> 32) + " AND objid::bigint = " + (LOCK_KEY & 0xffffffffL)
                + ")")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            result.next();
            boolean locked = result.getBoolean(1);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return locked;
        }
    }

    @Override
    public String getCallbackName() {
        return "migration-serializer";
    }
}
