package dev.lms.db.rollback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * A database's Flyway history, checked against the migrations this artifact ships.
 * <p>
 * The check is Flyway's own validation (versions, script names, checksums), so the rollback trusts exactly what
 * Flyway would trust at start-up. Pending migrations are fine (a newer release may not have run yet); anything else
 * is a mismatch: a checksum that differs, a version this artifact does not know, a failed migration.
 */
public record MigrationHistory(
        List<AppliedMigration> applied, Map<Integer, String> shippedScripts, List<String> mismatches) {

    /** Flyway's default, which the service does not change. */
    public static final String TABLE = "flyway_schema_history";
    /** Where the artifact carries the migrations: Flyway's default location, see the resources in pom.xml. */
    public static final String LOCATION = "classpath:db/migration";

    /** One applied row of the history. A baseline row stands for the migration of the same version. */
    public record AppliedMigration(int version, String script, boolean baseline) {}

    public static MigrationHistory read(String jdbcUrl, String username, String password) {
        Flyway flyway = Flyway.configure(MigrationHistory.class.getClassLoader())
                .dataSource(jdbcUrl, username, password)
                .locations(LOCATION)
                .table(TABLE)
                // Replaces Flyway's default ("*:future"): a database ahead of this artifact is a mismatch, not a
                // detail.
                .ignoreMigrationPatterns("*:pending")
                .cleanDisabled(true)
                .load();

        List<String> mismatches = new ArrayList<>();
        ValidateResult validation = flyway.validateWithResult();
        if (!validation.validationSuccessful) {
            for (ValidateOutput invalid : validation.invalidMigrations) {
                mismatches.add("version " + invalid.version + " (" + invalid.description + "): "
                        + (invalid.errorDetails == null ? "invalid" : invalid.errorDetails.errorMessage));
            }
            if (mismatches.isEmpty()) {
                mismatches.add(validation.getAllErrorMessages());
            }
        }

        MigrationInfo[] all = flyway.info().all();
        Map<Integer, String> shipped = new TreeMap<>();
        List<AppliedMigration> applied = new ArrayList<>();
        for (MigrationInfo migration : all) {
            if (!migration.isVersioned()) {
                mismatches.add("repeatable migration " + migration.getScript()
                        + ": the rollback handles versioned migrations only");
                continue;
            }
            Integer version = integerVersion(migration, mismatches);
            if (version == null) {
                continue;
            }
            String fileName = fileName(migration.getScript());
            if (migration.getState().isResolved() && fileName.startsWith("V")) {
                shipped.put(version, fileName);
            }
            if (migration.getState().isApplied()) {
                if (migration.getState().isFailed()) {
                    mismatches.add("version " + version + " is marked failed in " + TABLE
                            + ": repair it first (docs/database-rollback.md, path c)");
                }
                applied.add(new AppliedMigration(
                        version, migration.getScript(), migration.getType().isBaseline()));
            }
        }
        return new MigrationHistory(
                List.copyOf(applied),
                Map.copyOf(shipped),
                List.copyOf(mismatches.stream().distinct().toList()));
    }

    public boolean matches() {
        return mismatches.isEmpty();
    }

    /** The schema version the database is at: 0 when nothing is applied. */
    public int currentVersion() {
        return applied.stream().mapToInt(AppliedMigration::version).max().orElse(0);
    }

    /** Applied versions above {@code target}, newest first: the order in which they are undone. */
    public List<AppliedMigration> above(int target) {
        return applied.stream()
                .filter(migration -> migration.version() > target)
                .sorted((a, b) -> Integer.compare(b.version(), a.version()))
                .toList();
    }

    /** The shipped V script for a version, also for a version the database only has as a baseline row. */
    public String shippedScript(int version) {
        return shippedScripts.get(version);
    }

    /**
     * The script's file name. The service's Flyway records scripts with their location ({@code db/migration/V1__init.sql});
     * Flyway on its own records the bare name; the undo script is found by the file name either way.
     */
    private static String fileName(String script) {
        return script.substring(script.lastIndexOf('/') + 1);
    }

    private static Integer integerVersion(MigrationInfo migration, List<String> mismatches) {
        String version = migration.getVersion().getVersion();
        try {
            return Integer.valueOf(version);
        } catch (NumberFormatException e) {
            mismatches.add("version " + version + " (" + migration.getScript()
                    + "): versions here are whole numbers (V1, V2, ...)");
            return null;
        }
    }
}
