package dev.lms.db.rollback;

import dev.lms.db.rollback.MigrationHistory.AppliedMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a rollback to {@code targetVersion} will do, worked out before anything is touched, or why it must not run.
 */
public record RollbackPlan(int currentVersion, int targetVersion, List<UndoScript> undoScripts, List<String> refusals) {

    public static RollbackPlan between(MigrationHistory history, int target) {
        return between(history, target, false);
    }

    /**
     * @param force lets {@code --to 0} drop a schema that Flyway adopted by baseline: it was built before this
     *              service took over, and U1 removes it with every row (the backup keeps them)
     */
    public static RollbackPlan between(MigrationHistory history, int target, boolean force) {
        List<String> refusals = new ArrayList<>();
        history.mismatches()
                .forEach(mismatch -> refusals.add("history does not match the shipped migrations: " + mismatch));
        int current = history.currentVersion();
        if (target < 0) {
            refusals.add("target version " + target + " is negative");
        } else if (target >= current) {
            refusals.add("nothing to roll back: the database is at version " + current + ", the target is " + target);
        } else if (target > 0 && history.applied().stream().noneMatch(migration -> migration.version() == target)) {
            refusals.add("version " + target + " was never applied to this database; applied: "
                    + history.applied().stream().map(AppliedMigration::version).toList());
        }

        if (target == 0 && !force && history.applied().stream().anyMatch(AppliedMigration::baseline)) {
            refusals.add("this database was adopted by baseline: its schema existed before this service, and rolling"
                    + " back to version 0 drops it and every row in it. Roll back to version 1 instead, or add --force"
                    + " if dropping it is what you want (the backup is still taken first)");
        }

        List<UndoScript> undoScripts = new ArrayList<>();
        if (refusals.isEmpty()) {
            for (AppliedMigration migration : history.above(target)) {
                String script = history.shippedScript(migration.version());
                Optional<UndoScript> undo =
                        script == null ? Optional.empty() : UndoScript.forMigration(migration.version(), script);
                if (undo.isEmpty()) {
                    refusals.add("no undo script ships for version " + migration.version()
                            + (script == null ? "" : " (expected db/undo/" + UndoScript.nameFor(script) + ")"));
                } else {
                    undoScripts.add(undo.get());
                }
            }
        }
        return new RollbackPlan(current, target, List.copyOf(undoScripts), List.copyOf(refusals));
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    public List<Integer> versionsToRemove() {
        return undoScripts.stream().map(UndoScript::version).toList();
    }

    /** The steps, as the dry run prints them and the real run follows them. */
    public List<String> steps(String backupRoot) {
        List<String> steps = new ArrayList<>();
        steps.add("In one transaction, with lock_timeout " + Rollback.LOCK_TIMEOUT + ":");
        steps.add(
                "1. Lock " + MigrationHistory.TABLE + " and check that nothing was migrated since this plan was made");
        steps.add("2. Lock every table against writers (EXCLUSIVE MODE: running writes finish first, new ones wait)");
        steps.add("3. Back up every table (COPY) into " + backupRoot + "/<database>-v" + currentVersion
                + "-<UTC time>/ (owner-only files: they hold personal data)");
        steps.add("4. Undo:");
        undoScripts.forEach(undo -> steps.add("   - run " + undo.name()));
        steps.add("   - delete the " + MigrationHistory.TABLE + " rows of version"
                + (undoScripts.size() == 1 ? " " : "s ") + versionsToRemove());
        steps.add("5. Commit; then check that the history ends at version " + targetVersion);
        return steps;
    }
}
