package dev.lms.db.rollback;

import dev.lms.db.DatabaseConfigSourceFactory;
import dev.lms.db.DatabaseUrl;
import dev.lms.db.InvalidDatabaseUrlException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The operator's rollback, path (b) of docs/database-rollback.md in one call. Run it from the packaged service with
 * {@code scripts/db-rollback} ({@code --help} lists the commands and options); it never starts Quarkus (start-up would
 * migrate, which is what is being undone). It connects with DIRECT_URL (DATABASE_URL when unset), like Flyway in the
 * service. Exit codes: 0 done, 1 refused (nothing changed), 2 bad arguments or settings, 3 failed.
 */
@Command(
        name = "db-rollback",
        description = "Rolls the database back to an earlier schema version, backs it up, or restores a backup.",
        footer = {
            "",
            "Connects with DIRECT_URL, or DATABASE_URL when DIRECT_URL is unset (credentials in the URL, or",
            "DATABASE_USERNAME / DATABASE_PASSWORD). Backups hold personal data and are written readable by their owner",
            "only. See docs/database-rollback.md."
        },
        exitCodeOnInvalidInput = RollbackCommand.USAGE,
        exitCodeOnExecutionException = RollbackCommand.FAILED)
public final class RollbackCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    CommandSpec spec;

    /** Inherited: every command takes it. */
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;

    RollbackCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Flyway reports every step at INFO; the command prints its own account of what it did. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    public static void main(String... args) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        System.exit(new RollbackCommand(System.getenv(), System.out, System.err).run(args));
    }

    int run(String... args) {
        return new CommandLine(this)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    err.println("FAILED: " + e.getMessage());
                    return FAILED;
                })
                .execute(args);
    }

    /** Without a command: say so, with the usage. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "No command given.");
    }

    @Command(
            name = "rollback",
            description = "Locks out writers, backs up, undoes the migrations newer than VERSION (newest first) and"
                    + " fixes Flyway's history, in one transaction.")
    int rollback(
            @Option(
                            names = "--to",
                            required = true,
                            paramLabel = "VERSION",
                            description = "The schema version to go back to (0 removes everything the migrations"
                                    + " created).")
                    int to,
            @Option(names = "--dry-run", description = "Print the plan and change nothing.") boolean dryRun,
            @Option(
                            names = "--force",
                            description = "Let --to 0 drop a schema that was adopted by baseline (built before this"
                                    + " service).")
                    boolean force,
            @Option(
                            names = "--backup-dir",
                            paramLabel = "DIR",
                            defaultValue = "db-backups",
                            description = "Where the backup goes (default: ${DEFAULT-VALUE}).")
                    Path backupDir)
            throws Exception {
        return rollback(target("rollback"), new Options(to, dryRun, force, backupDir));
    }

    @Command(name = "backup", description = "Backs up every table, and changes nothing.")
    int backup(
            @Option(
                            names = "--backup-dir",
                            paramLabel = "DIR",
                            defaultValue = "db-backups",
                            description = "Where the backup goes (default: ${DEFAULT-VALUE}).")
                    Path backupDir)
            throws Exception {
        return backup(target("backup"), backupDir);
    }

    @Command(name = "restore", description = "Copies backed-up rows into empty tables.")
    int restore(
            @Option(names = "--from", required = true, paramLabel = "BACKUP_DIR", description = "The backup.")
                    Path from,
            @Option(
                            names = "--table",
                            paramLabel = "NAME",
                            description = "Restore only this table (repeatable; default: every table).")
                    List<String> tables)
            throws Exception {
        return restore(target("restore"), from, tables == null ? List.of() : List.copyOf(tables));
    }

    /** The database from the environment; a missing or unusable URL is a usage error of that command. */
    private Target target(String command) {
        try {
            return Target.from(environment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine().getSubcommands().get(command), e.getMessage());
        }
    }

    /** What a rollback was asked to do. */
    record Options(int to, boolean dryRun, boolean force, Path backupDir) {}

    private int rollback(Target target, Options options) throws Exception {
        List<Integer> appliedWhenPlanned;
        try (Connection connection = target.connect()) {
            appliedWhenPlanned = historyExists(connection) ? Rollback.appliedVersions(connection) : List.of();
            warnAboutOtherSessions(connection);
        }
        MigrationHistory history = target.history();
        RollbackPlan plan = RollbackPlan.between(history, options.to(), options.force());
        out.println("Database " + target.describe() + ", schema version " + plan.currentVersion()
                + "; rolling back to version " + plan.targetVersion());
        if (plan.refused()) {
            plan.refusals().forEach(refusal -> err.println("REFUSED: " + refusal));
            return REFUSED;
        }
        plan.steps(options.backupDir().toString()).forEach(out::println);
        if (options.dryRun()) {
            out.println("Dry run: nothing was changed.");
            return OK;
        }

        long started = System.nanoTime();
        Path backup;
        try (Connection connection = target.connect()) {
            backup = Rollback.execute(connection, plan, appliedWhenPlanned, options.backupDir());
        }
        BackupManifest manifest = BackupManifest.read(backup);
        out.printf(
                "Backup: %d tables, %d rows, %.1f MB into %s; undo: %s and history fixed; one transaction, %.1f s%n",
                manifest.tables().size(),
                manifest.totalRows(),
                manifest.totalBytes() / 1e6,
                backup,
                String.join(
                        ", ", plan.undoScripts().stream().map(UndoScript::name).toList()),
                seconds(started));

        MigrationHistory after = target.history();
        if (after.currentVersion() != plan.targetVersion() || !after.matches()) {
            err.println("FAILED: after the undo the history is at version " + after.currentVersion()
                    + (after.matches() ? "" : " and does not match: " + after.mismatches()));
            return FAILED;
        }
        out.println("Done: the database is at version " + plan.targetVersion() + ". The backup is " + backup + ".");
        out.println("Next: restore data the undo dropped if you need it (db-rollback restore), then start the release"
                + " that shipped version " + plan.targetVersion() + ".");
        return OK;
    }

    private int backup(Target target, Path backupDir) throws Exception {
        MigrationHistory history = target.history();
        if (!history.matches()) {
            history.mismatches()
                    .forEach(mismatch ->
                            err.println("REFUSED: history does not match the shipped migrations: " + mismatch));
            return REFUSED;
        }
        backup(target, backupDir, history.currentVersion());
        return OK;
    }

    private Path backup(Target target, Path root, int version) throws Exception {
        long started = System.nanoTime();
        Path directory;
        try (Connection connection = target.connect()) {
            directory = CopyBackup.take(connection, root, version);
        }
        BackupManifest manifest = BackupManifest.read(directory);
        out.printf(
                "Backup: %d tables, %d rows, %.1f MB into %s in %.1f s%n",
                manifest.tables().size(),
                manifest.totalRows(),
                manifest.totalBytes() / 1e6,
                directory,
                seconds(started));
        return directory;
    }

    private int restore(Target target, Path from, List<String> tables) throws Exception {
        BackupManifest manifest = BackupManifest.read(from);
        MigrationHistory history = target.history();
        if (!history.matches()) {
            history.mismatches()
                    .forEach(mismatch ->
                            err.println("REFUSED: history does not match the shipped migrations: " + mismatch));
            return REFUSED;
        }
        if (history.currentVersion() != manifest.schemaVersion()) {
            err.println("REFUSED: the backup was taken at schema version " + manifest.schemaVersion()
                    + " but the database is at version " + history.currentVersion()
                    + ". Migrate (or roll back) to version " + manifest.schemaVersion() + " first.");
            return REFUSED;
        }
        long started = System.nanoTime();
        BackupManifest restored;
        try (Connection connection = target.connect()) {
            restored = CopyBackup.restore(connection, from, tables);
        }
        out.printf(
                "Restore: %d tables, %d rows from %s in %.1f s%n",
                restored.tables().size(), restored.totalRows(), from, seconds(started));
        restored.tables().forEach(table -> out.printf("  %-20s %d rows%n", table.name(), table.rows()));
        return OK;
    }

    /**
     * Lists the other sessions, as a warning only: the rollback locks writers out, so a service still running loses
     * nothing, it just waits (and its writes fail once the schema is gone). Idle sessions, such as the server
     * connections a pooler (Neon's PgBouncer) keeps open, hold no locks and do not hold the rollback up.
     */
    private void warnAboutOtherSessions(Connection connection) throws SQLException {
        List<String> sessions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                     SELECT pid, coalesce(nullif(application_name, ''), '?'),
                            coalesce(host(client_addr), 'local'), coalesce(state, '?')
                       FROM pg_stat_activity
                      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                      ORDER BY state, application_name
                     """)) {
            while (rows.next()) {
                sessions.add(String.format(
                        "  pid %-7d application_name=%s client_addr=%s state=%s",
                        rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        if (!sessions.isEmpty()) {
            out.println("WARNING: " + sessions.size() + " other session(s) on this database:");
            sessions.forEach(out::println);
            out.println("  Stopping or scaling the service to zero first is best. If one is still writing, the rollback"
                    + " waits for its transaction to end (at most " + Rollback.LOCK_TIMEOUT + "), locks writers out,"
                    + " and backs up everything committed before it. Idle sessions (a pooler's) do not hold it up.");
        }
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT to_regclass('" + MigrationHistory.TABLE + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Where the command connects. Never printed with its password. */
    record Target(DatabaseUrl url, String username, String password) {

        static Target from(Map<String, String> environment) {
            String variable =
                    present(environment, DatabaseConfigSourceFactory.DIRECT_URL).isPresent()
                            ? DatabaseConfigSourceFactory.DIRECT_URL
                            : DatabaseConfigSourceFactory.DATABASE_URL;
            String value = present(environment, variable)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Set DIRECT_URL (or DATABASE_URL) to the database to roll back."));
            DatabaseUrl url;
            try {
                url = DatabaseUrl.parse(variable, value);
            } catch (InvalidDatabaseUrlException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            // Neon names its PgBouncer endpoints ep-...-pooler: transaction pooling breaks the session this needs.
            if (url.host().contains("-pooler")) {
                throw new IllegalArgumentException(variable + " points at a connection pooler (" + url.host()
                        + "). Use the direct endpoint: the same host without -pooler.");
            }
            return new Target(
                    url,
                    url.username()
                            .or(() -> present(environment, DatabaseConfigSourceFactory.DATABASE_USERNAME))
                            .orElse(null),
                    url.password()
                            .or(() -> present(environment, DatabaseConfigSourceFactory.DATABASE_PASSWORD))
                            .orElse(null));
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url.jdbcUrl(), username, password);
        }

        MigrationHistory history() {
            return MigrationHistory.read(url.jdbcUrl(), username, password);
        }

        String describe() {
            return url.jdbcUrl().replaceFirst("^jdbc:postgresql://([^/?]+)/([^?]*).*$", "$2 on $1");
        }

        @Override
        public String toString() {
            return "Target[" + describe() + ", username=" + username + ", password=<redacted>]";
        }

        private static Optional<String> present(Map<String, String> environment, String name) {
            return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
        }
    }
}
