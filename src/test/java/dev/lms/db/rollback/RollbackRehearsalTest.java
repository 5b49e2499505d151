package dev.lms.db.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Fixtures;
import dev.lms.testing.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The procedure of docs/database-rollback.md, path (b), rehearsed on a real PostgreSQL with the operator command.
 * Each test gets a scratch database, so dropping the whole schema touches no other test.
 */
class RollbackRehearsalTest {

    @TempDir
    Path backups;

    @RegisterExtension
    final ScratchDatabase database = new ScratchDatabase();

    @Test
    void rollingBackToVersionZeroAndRestoringLosesNothing() throws Exception {
        // 1. Migrate to the latest version.
        database.migrateTo("latest");
        int latest = MigrationHistory.read(
                        database.dataSource.getURL(), database.dataSource.getUser(), database.dataSource.getPassword())
                .currentVersion();
        assertThat(latest).isGreaterThanOrEqualTo(2);

        // 2. Seed every table, every foreign key used, threaded posts included.
        seedEveryTable();

        // 3. Record what is there.
        Map<String, String> before = database.contentOfEveryTable();
        List<String> historyBefore = history();
        assertThat(before.values()).noneMatch(content -> content.startsWith("0 rows"));

        // 4. Back up.
        ScratchDatabase.Run backup = database.command("backup", "--backup-dir", backups.toString());
        assertThat(backup.exitCode()).isEqualTo(RollbackCommand.OK);
        Path backupDirectory = onlyBackup();

        // 5. Roll back to version 0 with the documented command.
        ScratchDatabase.Run rollback = database.command(
                "rollback",
                "--to",
                "0",
                "--backup-dir",
                backups.resolve("pre-rollback").toString());
        assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(RollbackCommand.OK);
        assertThat(rollback.out()).contains("U2__users_login_throttling.sql", "U1__init.sql", "at version 0");

        // 6. The schema objects are gone, and the history says so.
        assertThat(database.strings("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'i', 'S', 'v') AND c.relname NOT LIKE 'flyway%'
                """)).isEmpty();
        assertThat(database.strings("""
                SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE n.nspname = current_schema() AND t.typtype = 'e'
                """)).isEmpty();
        assertThat(database.string("SELECT count(*) FROM flyway_schema_history"))
                .isEqualTo("0");
        assertThat(Files.list(backups.resolve("pre-rollback")).count())
                .as("the rollback backs up first")
                .isOne();

        // 7. Restore: migrate again, then copy the rows back.
        database.migrateTo("latest");
        ScratchDatabase.Run restore = database.command("restore", "--from", backupDirectory.toString());
        assertThat(restore.exitCode()).as(restore.err()).isEqualTo(RollbackCommand.OK);

        // 8. Identical counts and content, and the same history.
        assertThat(database.contentOfEveryTable()).isEqualTo(before);
        assertThat(history()).isEqualTo(historyBefore);
    }

    @Test
    void rollingBackVersionTwoKeepsVersionOneDataIntact() throws Exception {
        database.migrateTo("1");
        seedVersionOneRows();
        Map<String, String> atVersionOne = database.contentAsOfV1();

        database.migrateTo("2");
        database.execute("UPDATE users SET failed_login_attempts = 4, locked_until = now() + interval '15 minutes'"
                + " WHERE role = 'STUDENT'");

        ScratchDatabase.Run rollback = database.command("rollback", "--to", "1", "--backup-dir", backups.toString());

        assertThat(rollback.exitCode()).as(rollback.err()).isEqualTo(RollbackCommand.OK);
        assertThat(database.strings("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = 'users'
                   AND column_name IN ('failed_login_attempts', 'locked_until')
                """)).isEmpty();
        assertThat(database.strings("SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1");
        assertThat(database.contentAsOfV1()).isEqualTo(atVersionOne);

        // The previous release's migrations still apply cleanly on top: rolling forward again works.
        database.migrateTo("latest");
        assertThat(database.string("SELECT count(*) FROM users WHERE failed_login_attempts = 0"))
                .isEqualTo(database.string("SELECT count(*) FROM users"));
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        database.migrateTo("latest");
        seedVersionOneRows();
        Map<String, String> before = database.contentOfEveryTable();

        ScratchDatabase.Run dryRun =
                database.command("rollback", "--to", "1", "--dry-run", "--backup-dir", backups.toString());

        assertThat(dryRun.exitCode()).isEqualTo(RollbackCommand.OK);
        assertThat(dryRun.out())
                .contains(
                        "schema version " + Migrations.latestVersion(),
                        "Back up every table",
                        "run U2__users_login_throttling.sql",
                        "delete the flyway_schema_history rows of " + versionsAbove("1"),
                        "Dry run: nothing was changed.");
        assertThat(dryRun.out()).doesNotContain("U1__init.sql");
        assertThat(backups).isEmptyDirectory();
        assertThat(database.contentOfEveryTable()).isEqualTo(before);
        assertThat(database.strings("SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactlyElementsOf(Migrations.versions());
    }

    @Test
    void refusesADatabaseWhoseHistoryChecksumDiffersFromTheShippedScript() throws Exception {
        database.migrateTo("latest");
        database.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        ScratchDatabase.Run rollback = database.command("rollback", "--to", "0", "--backup-dir", backups.toString());

        assertThat(rollback.exitCode()).isEqualTo(RollbackCommand.REFUSED);
        assertThat(rollback.err()).contains("REFUSED", "version 1", "checksum");
        assertThat(backups).isEmptyDirectory();
        assertThat(database.strings("SELECT table_name FROM information_schema.tables WHERE table_name = 'users'"))
                .hasSize(1);
    }

    @Test
    void refusesADatabaseMigratedBeyondWhatThisArtifactShips() throws Exception {
        database.migrateTo("latest");
        database.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                VALUES (99, '99', 'from a newer release', 'SQL', 'V99__from_a_newer_release.sql', 1, 'test', 1, true)
                """);

        ScratchDatabase.Run rollback = database.command("rollback", "--to", "1", "--backup-dir", backups.toString());

        assertThat(rollback.exitCode()).isEqualTo(RollbackCommand.REFUSED);
        assertThat(rollback.err()).contains("REFUSED", "99");
        assertThat(backups).isEmptyDirectory();
    }

    @Test
    void aFailedMigrationIsRefusedUntilRepairedThenMigratesAgain() throws Exception {
        database.migrateTo("1");
        // What a non-transactional migration leaves behind when it fails halfway: a row marked failed.
        database.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                VALUES (2, '2', 'users login throttling', 'SQL', 'V2__users_login_throttling.sql', 0, 'test', 1, false)
                """);

        ScratchDatabase.Run rollback = database.command("rollback", "--to", "1", "--backup-dir", backups.toString());
        assertThat(rollback.exitCode()).isEqualTo(RollbackCommand.REFUSED);
        assertThat(rollback.err()).contains("failed", "path c");

        // Path (c): remove the failed row (after undoing whatever the script did create), then migrate again.
        database.execute("DELETE FROM flyway_schema_history WHERE NOT success");
        database.migrateTo("latest");
        assertThat(database.strings("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .containsExactlyElementsOf(Migrations.versions());
    }

    @Test
    void refusesToRestoreIntoADatabaseAtAnotherVersion() throws Exception {
        database.migrateTo("latest");
        seedVersionOneRows();
        assertThat(database.command("backup", "--backup-dir", backups.toString())
                        .exitCode())
                .isEqualTo(RollbackCommand.OK);
        assertThat(database.command(
                                "rollback",
                                "--to",
                                "1",
                                "--backup-dir",
                                backups.resolve("again").toString())
                        .exitCode())
                .isEqualTo(RollbackCommand.OK);

        ScratchDatabase.Run restore =
                database.command("restore", "--from", onlyBackup().toString());

        assertThat(restore.exitCode()).isEqualTo(RollbackCommand.REFUSED);
        assertThat(restore.err())
                .contains("taken at schema version " + Migrations.latestVersion(), "database is at version 1");
    }

    private void seedEveryTable() throws SQLException {
        seedVersionOneRows();
        database.execute("UPDATE users SET failed_login_attempts = 2, locked_until = '2026-11-21 12:00:00+00'"
                + " WHERE role = 'STUDENT'");
        database.execute("""
                INSERT INTO idempotency_keys (user_id, idempotency_key, request_fingerprint, response_status,
                                              response_headers, response_body)
                SELECT id, 'key-1', 'f1', 201, '{"ETag": "\\"0\\""}', '{"title": "tab\there"}' FROM users LIMIT 1
                """);
        database.execute("UPDATE users SET tokens_valid_after = '2026-11-22 08:30:00+00' WHERE role = 'ADMIN'");
        database.execute("""
                INSERT INTO refresh_sessions (family_id, user_id, token_hash, expires_at, family_expires_at, replaced_at)
                SELECT gen_random_uuid(), id, sha256(convert_to(id::text, 'UTF8')),
                       '2026-12-01 00:00:00+00', '2026-12-30 00:00:00+00', NULL
                  FROM users WHERE role = 'STUDENT'
                """);
    }

    /** Rows in all ten tables through every foreign key, with content COPY must escape. */
    private void seedVersionOneRows() throws SQLException {
        Fixtures fixtures = new Fixtures(database.dataSource);
        UUID instructor = fixtures.instructor();
        UUID otherInstructor = fixtures.instructor();
        UUID alice = fixtures.student();
        UUID bob = fixtures.student();
        UUID carol = fixtures.student();
        fixtures.user("ADMIN");

        UUID course = fixtures.course(instructor);
        UUID otherCourse = fixtures.course(otherInstructor);
        fixtures.enrollment(alice, course);
        fixtures.enrollment(bob, course);
        fixtures.enrollment(carol, otherCourse);
        fixtures.enrollment(alice, otherCourse);

        UUID essay = fixtures.assignment(course, 10);
        UUID project = fixtures.assignment(otherCourse, 50);
        fixtures.grade(fixtures.submission(essay, alice), instructor, "9.5");
        fixtures.grade(fixtures.submission(essay, bob), null, "7.25");
        fixtures.grade(fixtures.submission(project, carol), otherInstructor, "42");

        UUID discussion = fixtures.discussion(course, alice);
        UUID question = fixtures.post(discussion, alice, null);
        UUID answer = fixtures.post(discussion, instructor, question);
        fixtures.post(discussion, bob, answer);
        fixtures.post(fixtures.discussion(otherCourse, null), carol, null);

        fixtures.announcement(course, instructor);
        fixtures.announcement(otherCourse, null);
        fixtures.content(course, "VIDEO", 0);
        fixtures.content(course, "TEXT", 1);
        fixtures.content(otherCourse, "LINK", 0);

        // Tabs, newlines, backslashes, quotes and non-ASCII: what a COPY round trip must keep byte for byte.
        database.execute(
                "UPDATE discussion_posts SET content = E'Line one\\n\\tindented \\\\ \"quoted\" caf\u00e9 \u2713'"
                        + " WHERE id = '" + answer + "'");
        database.execute("UPDATE users SET password_hash = '$2a$10$abcdefghijklmnopqrstuv' WHERE id = '" + alice + "'");
    }

    /** How the plan names the versions it undoes: "version [2]", or "versions [5, 2]", newest first. */
    private static String versionsAbove(String target) {
        List<String> undone = new java.util.ArrayList<>(Migrations.versions().stream()
                .filter(version -> Integer.parseInt(version) > Integer.parseInt(target))
                .toList());
        java.util.Collections.reverse(undone);
        return (undone.size() == 1 ? "version " : "versions ") + undone;
    }

    private List<String> history() throws SQLException {
        return database.strings(
                "SELECT version || ' ' || script || ' ' || checksum FROM flyway_schema_history ORDER BY installed_rank");
    }

    private Path onlyBackup() throws IOException {
        try (Stream<Path> entries = Files.list(backups)) {
            List<Path> directories = entries.filter(path -> Files.exists(path.resolve(BackupManifest.FILE)))
                    .toList();
            assertThat(directories).hasSize(1);
            return directories.get(0);
        }
    }
}
