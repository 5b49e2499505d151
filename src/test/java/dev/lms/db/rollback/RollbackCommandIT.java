package dev.lms.db.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lms.schema.ExpectedSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's entry point, {@code scripts/db-rollback}, run against the packaged application, on a database that
 * the packaged service itself migrated: proves that the artifact carries the migrations and undo scripts where the
 * command finds them, and that the command reads the history exactly as the service's Flyway wrote it.
 */
class RollbackCommandIT {

    @TempDir
    Path backups;

    @RegisterExtension
    final ScratchDatabase database = new ScratchDatabase();

    @BeforeEach
    void migrateTheScratchDatabaseWithThePackagedService() throws Exception {
        migrateWithThePackagedService();
    }

    @Test
    void theScriptPlansThenRollsBackWithThePackagedArtifact() throws Exception {
        ScratchDatabase.Run dryRun = script("rollback", "--to", "1", "--dry-run", "--backup-dir", backups.toString());
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("run U2__users_login_throttling.sql", "Dry run: nothing was changed.");

        ScratchDatabase.Run rollback = script("rollback", "--to", "1", "--backup-dir", backups.toString());
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out())
                .contains(
                        // every table of the schema, and Flyway's history
                        "Backup: " + (ExpectedSchema.TABLES.size() + 1) + " tables",
                        "Done: the database is at version 1");
        assertThat(database.strings("SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1");
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

    /** Starts target/quarkus-app on the scratch database until its Flyway has applied every shipped migration. */
    private void migrateWithThePackagedService() throws Exception {
        long shipped;
        try (Stream<Path> files = Files.list(Path.of("migrations"))) {
            shipped = files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "db-rollback-it-service.log").toFile());
        builder.environment().remove("DIRECT_URL");
        builder.environment().put("DATABASE_URL", database.environment().get("DIRECT_URL"));
        builder.environment().put("DATABASE_USERNAME", database.environment().get("DATABASE_USERNAME"));
        builder.environment().put("DATABASE_PASSWORD", database.environment().get("DATABASE_PASSWORD"));
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        Process service = builder.start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() ->
                            Long.parseLong(database.string("SELECT count(*) FROM flyway_schema_history WHERE success"))
                                    == shipped);
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
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
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("db-rollback finished in time")
                .isTrue();
        ScratchDatabase.Run run = new ScratchDatabase.Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        System.out.println(
                String.join(" ", builder.command()) + " -> " + run.exitCode() + "\n" + run.out() + run.err());
        return run;
    }
}
