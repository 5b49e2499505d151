package dev.lms.schema;

import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jboss.logging.Logger;

/**
 * Lets Flyway baseline a database at version 1 only when it already holds the V1 schema.
 * <p>
 * Flyway's baseline-on-migrate trusts any non-empty schema without a history table; a half-built or foreign schema
 * would be stamped "version 1" and fail later in confusing ways. This callback runs before the baseline and stops
 * start-up with every difference named instead.
 * <p>
 * It compares against the objects of {@link ExpectedSchema} that V1 creates: later migrations tag what they add
 * ({@link ExpectedSchema#ADDED_AFTER_V1}), and Flyway applies them after the baseline.
 */
public class BaselineGuard implements Callback {

    private static final Logger LOG = Logger.getLogger(BaselineGuard.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_BASELINE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        SchemaDrift drift;
        try {
            drift = SchemaDrift.asOf(CatalogInspector.inspect(context.getConnection()), 1);
        } catch (SQLException e) {
            throw new FlywayException("Could not read the catalog to check the existing schema before baselining", e);
        }
        if (!drift.isNone()) {
            // Flyway fires no AFTER_BASELINE_ERROR for a refusal here: the migration lock would stay with a pooled
            // connection.
            MigrationSerializer.release(context.getConnection());
            throw new FlywayException(
                    "Refusing to baseline: the database has tables but no Flyway history, and its schema"
                            + " does not match V1. Differences:\n  - " + String.join("\n  - ", drift.describe())
                            + "\nBring the schema in line with migrations/V1__init.sql, or point the service at an empty database.");
        }
        LOG.info("Existing schema matches V1: baselining it at version 1");
    }

    @Override
    public String getCallbackName() {
        return "baseline-guard";
    }
}
