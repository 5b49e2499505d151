package dev.lms.db.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's entry point, {@code scripts/db-rollback}, run against the packaged application: proves that the
 * artifact carries the migrations and undo scripts where the command finds them, without starting Quarkus.
 */
class RollbackCommandIT {

    @TempDir
    Path backups;

    ScratchDatabase database;

    @BeforeEach
    void createScratchDatabase() throws Exception {
        database = new ScratchDatabase();
        database.migrateTo("latest");
    }

    @AfterEach
    void dropScratchDatabase() throws Exception {
        database.close();
    }

    @Test
    void theScriptPlansThenRollsBackWithThePackagedArtifact() throws Exception {
        ScratchDatabase.Run dryRun = script("rollback", "--to", "1", "--dry-run", "--backup-dir", backups.toString());
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("run U2__users_login_throttling.sql", "Dry run: nothing was changed.");

        ScratchDatabase.Run rollback = script("rollback", "--to", "1", "--backup-dir", backups.toString());
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("Backup: 11 tables", "Done: the database is at version 1");
        assertThat(database.strings("SELECT version FROM flyway_schema_history ORDER BY installed_rank")).containsExactly("1");
    }

    @Test
    void theScriptExplainsAMissingDatabaseUrl() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/db-rollback", "rollback", "--to", "0");
        builder.environment().remove("DIRECT_URL");
        builder.environment().remove("DATABASE_URL");
        ScratchDatabase.Run run = run(builder);
        assertThat(run.exitCode()).isEqualTo(RollbackCommand.USAGE);
        assertThat(run.err()).contains("Set DIRECT_URL");
    }

    private ScratchDatabase.Run script(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = "scripts/db-rollback";
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(database.environment());
        return run(builder);
    }

    private static ScratchDatabase.Run run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path out = Path.of("target", "db-rollback-it.out");
        Path err = Path.of("target", "db-rollback-it.err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("db-rollback finished in time").isTrue();
        ScratchDatabase.Run run = new ScratchDatabase.Run(process.exitValue(),
                java.nio.file.Files.readString(out, StandardCharsets.UTF_8), java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        System.out.println(String.join(" ", builder.command()) + " -> " + run.exitCode() + "\n" + run.out() + run.err());
        return run;
    }
}
