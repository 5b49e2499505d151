package dev.lms.db;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jboss.logging.Logger;

/**
 * Says, when a migration fails at start-up, what that means for the database and what to do, next to Flyway's own
 * report (which names the script, the SQLState and the statement, and follows this line).
 * <p>
 * The likeliest failure on a live database is a lock timeout: a long transaction holds a lock the migration needs,
 * and the migrating session gives up after {@code lms.migration.lock-timeout} rather than queue every request behind
 * its own lock request. The operator's answer is to find that transaction and start again, not to raise the timeout.
 */
public class MigrationFailureLog implements Callback {

    private static final Logger LOG = Logger.getLogger(MigrationFailureLog.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo migration = context.getMigrationInfo();
        String script = migration == null ? "A migration" : "Migration " + migration.getScript();
        LOG.errorf(
                "%s failed; the service will not start. Flyway's report follows. A migration that runs in a transaction"
                        + " was rolled back whole: the schema is as it was. If the cause is \"canceling statement due to"
                        + " lock timeout\", another session held a lock this migration needs for longer than"
                        + " lms.migration.lock-timeout (%s): find the long transaction (pg_stat_activity, pg_blocking_pids),"
                        + " let it finish or end it, and start again. If it is \"canceling statement due to statement"
                        + " timeout\", a statement ran longer than lms.migration.statement-timeout (%s): a migration"
                        + " that needs longer must declare it (docs/expand-contract.md).",
                script, setting("lms.migration.lock-timeout"), setting("lms.migration.statement-timeout"));
    }

    private static String setting(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse("not set");
    }

    @Override
    public String getCallbackName() {
        return "migration-failure-log";
    }
}
