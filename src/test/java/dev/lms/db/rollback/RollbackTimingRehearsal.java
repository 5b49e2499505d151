package dev.lms.db.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times the rollback on a seeded database of a chosen size; the figures in docs/database-rollback.md come from it.
 * Not part of the normal suite:
 * <pre>./mvnw -B test -Dtest=RollbackTimingRehearsal -Drollback.rehearsal.scale=10</pre>
 * Scale 1 is about 290 MB (pg_database_size) and 700,000 rows; the output states the measured size.
 */
@EnabledIfSystemProperty(named = "rollback.rehearsal.scale", matches = "\\d+")
class RollbackTimingRehearsal {

    @Test
    void timeBackupUndoAndRestore() throws Exception {
        int scale = Integer.parseInt(System.getProperty("rollback.rehearsal.scale"));
        Path backups = Path.of("target", "rollback-timing");
        deleteRecursively(backups);
        try (ScratchDatabase database = ScratchDatabase.create()) {
            database.migrateTo("latest");
            long started = System.nanoTime();
            seed(database, scale);
            report("seed", started);
            database.execute("VACUUM ANALYZE");
            String size = database.string("SELECT pg_size_pretty(pg_database_size(current_database()))");
            System.out.println(
                    "TIMING database size " + size + ", rows "
                            + database.string(
                                    "SELECT sum(n_live_tup) FROM pg_stat_user_tables WHERE relname <> 'flyway_schema_history'"));
            Map<String, String> before = database.contentOfEveryTable();

            started = System.nanoTime();
            assertThat(database.command(
                                    "backup",
                                    "--backup-dir",
                                    backups.resolve("full").toString())
                            .exitCode())
                    .isZero();
            report("backup", started);
            Path backup;
            try (Stream<Path> entries = Files.list(backups.resolve("full"))) {
                backup = entries.findFirst().orElseThrow();
            }

            started = System.nanoTime();
            assertThat(database.command(
                                    "rollback",
                                    "--to",
                                    "1",
                                    "--backup-dir",
                                    backups.resolve("to-v1").toString())
                            .exitCode())
                    .isZero();
            report("rollback --to 1 (backup + U2)", started);

            started = System.nanoTime();
            database.migrateTo("latest");
            report("migrate 1 -> 2", started);

            started = System.nanoTime();
            assertThat(database.command(
                                    "rollback",
                                    "--to",
                                    "0",
                                    "--backup-dir",
                                    backups.resolve("to-v0").toString())
                            .exitCode())
                    .isZero();
            report("rollback --to 0 (backup + U2 + U1)", started);

            started = System.nanoTime();
            database.migrateTo("latest");
            report("migrate 0 -> 2", started);

            started = System.nanoTime();
            assertThat(database.command("restore", "--from", backup.toString()).exitCode())
                    .isZero();
            report("restore", started);

            assertThat(database.contentOfEveryTable()).isEqualTo(before);
        } finally {
            deleteRecursively(backups);
        }
    }

    /** Related rows through every foreign key; ids derive from md5 so that references can be computed. */
    private static void seed(ScratchDatabase database, int scale) throws Exception {
        int users = 20_000 * scale;
        int instructors = users / 50;
        int courses = 400 * scale;
        int assignments = 4_000 * scale;
        int discussions = 4_000 * scale;
        database.execute("""
                INSERT INTO users (id, email, name, role, password_hash, failed_login_attempts)
                SELECT md5('u' || n)::uuid, 'user' || n || '@example.org', 'User ' || n,
                       CASE WHEN n <= %2$d THEN 'INSTRUCTOR' ELSE 'STUDENT' END::user_role,
                       '$2a$10$' || md5(n::text) || md5(n::text), n %% 4
                  FROM generate_series(1, %1$d) n""".formatted(users, instructors));
        database.execute("""
                INSERT INTO courses (id, code, title, description, semester, instructor_id)
                SELECT md5('c' || n)::uuid, 'C' || n, 'Course ' || n, repeat('About course ' || n || '. ', 20), '2026-S1',
                       md5('u' || (1 + n %% %2$d))::uuid
                  FROM generate_series(1, %1$d) n""".formatted(courses, instructors));
        database.execute("""
                INSERT INTO enrollments (user_id, course_id)
                SELECT md5('u' || (%2$d + 1 + (n - 1) %% (%1$d - %2$d)))::uuid, md5('c' || (1 + ((n - 1) / (%1$d - %2$d)) %% %3$d))::uuid
                  FROM generate_series(1, %4$d) n""".formatted(users, instructors, courses, 200_000 * scale));
        database.execute("""
                INSERT INTO assignments (id, title, description, due_date, points, course_id)
                SELECT md5('a' || n)::uuid, 'Assignment ' || n, repeat('Do this. ', 40), now() + n * interval '1 hour', 10 + n %% 90,
                       md5('c' || (1 + n %% %2$d))::uuid
                  FROM generate_series(1, %1$d) n""".formatted(assignments, courses));
        database.execute("""
                INSERT INTO submissions (id, content, assignment_id, student_id)
                SELECT md5('s' || n)::uuid, repeat('My answer ' || n || '. ', 25),
                       md5('a' || (1 + (n - 1) %% %1$d))::uuid, md5('u' || (%3$d + 1 + (n - 1) / %1$d))::uuid
                  FROM generate_series(1, %2$d) n""".formatted(assignments, 200_000 * scale, instructors));
        database.execute("""
                INSERT INTO grades (score, feedback, submission_id, graded_by_id)
                SELECT (n %% 100) + 0.5, 'Feedback ' || n || ': ' || repeat('fine. ', 10), md5('s' || n)::uuid,
                       CASE WHEN n %% 10 = 0 THEN NULL ELSE md5('u' || (1 + n %% %2$d))::uuid END
                  FROM generate_series(1, %1$d) n""".formatted(150_000 * scale, instructors));
        database.execute("""
                INSERT INTO discussions (id, title, content, course_id, author_id)
                SELECT md5('d' || n)::uuid, 'Discussion ' || n, repeat('Let us talk. ', 10), md5('c' || (1 + n %% %2$d))::uuid,
                       md5('u' || (1 + n %% %3$d))::uuid
                  FROM generate_series(1, %1$d) n""".formatted(discussions, courses, users));
        // Post n answers post n - discussions, which sits in the same discussion: threads as deep as posts per
        // discussion.
        database.execute("""
                INSERT INTO discussion_posts (id, content, discussion_id, author_id, parent_id)
                SELECT md5('p' || n)::uuid, 'Post ' || n || E':\\n' || repeat('I think so. ', 15),
                       md5('d' || (1 + (n - 1) %% %1$d))::uuid, md5('u' || (1 + n %% %3$d))::uuid,
                       CASE WHEN n > %1$d THEN md5('p' || (n - %1$d))::uuid END
                  FROM generate_series(1, %2$d) n""".formatted(discussions, 100_000 * scale, users));
        database.execute("""
                INSERT INTO announcements (title, content, course_id, author_id)
                SELECT 'Announcement ' || n, repeat('Note this. ', 30), md5('c' || (1 + n %% %2$d))::uuid,
                       md5('u' || (1 + n %% %3$d))::uuid
                  FROM generate_series(1, %1$d) n""".formatted(10_000 * scale, courses, instructors));
        database.execute("""
                INSERT INTO course_content (title, type, content, position, course_id)
                SELECT 'Lesson ' || n, (ARRAY['TEXT', 'VIDEO', 'DOCUMENT', 'LINK', 'SCORM', 'YOUTUBE'])[1 + n %% 6]::content_type,
                       repeat('Lesson text. ', 30), n / %2$d, md5('c' || (1 + n %% %2$d))::uuid
                  FROM generate_series(1, %1$d) n""".formatted(20_000 * scale, courses));
    }

    private static void report(String step, long startedNanos) {
        System.out.printf("TIMING %-36s %6.1f s%n", step, (System.nanoTime() - startedNanos) / 1e9);
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
