package dev.lms.schema;

import static dev.lms.schema.DeleteRule.CASCADE;
import static dev.lms.schema.DeleteRule.RESTRICT;
import static dev.lms.schema.DeleteRule.SET_NULL;

import java.util.List;
import java.util.Map;

/**
 * The schema this service is built for: what {@code migrations/} produces at the latest version.
 * <p>
 * This is the one list of tables, foreign keys and indexes. The baseline guard compares a legacy database against it,
 * the health check compares the live database against it, and the tests check that the migrations produce exactly it.
 * A migration that adds or changes any of these objects updates this class in the same commit.
 */
public final class ExpectedSchema {

    public record ForeignKey(String table, String column, String referencedTable, DeleteRule onDelete) {
        public String describe() {
            return table + "." + column + " -> " + referencedTable + " ON DELETE " + onDelete.sql();
        }
    }

    /** {@code columns} is the key as {@code pg_get_indexdef} prints it, column by column, joined with ", ". */
    public record Index(String name, String table, String columns, boolean unique) {
        public String describe() {
            return (unique ? "unique index " : "index ") + name + " on " + table + " (" + columns + ")";
        }
    }

    public static final List<String> TABLES = List.of(
            "users",
            "courses",
            "enrollments",
            "assignments",
            "submissions",
            "grades",
            "discussions",
            "discussion_posts",
            "announcements",
            "course_content",
            "idempotency_keys",
            "refresh_sessions");

    public static final List<ForeignKey> FOREIGN_KEYS = List.of(
            new ForeignKey("courses", "instructor_id", "users", RESTRICT),
            new ForeignKey("enrollments", "user_id", "users", CASCADE),
            new ForeignKey("enrollments", "course_id", "courses", CASCADE),
            new ForeignKey("assignments", "course_id", "courses", CASCADE),
            new ForeignKey("submissions", "assignment_id", "assignments", CASCADE),
            new ForeignKey("submissions", "student_id", "users", CASCADE),
            new ForeignKey("grades", "submission_id", "submissions", CASCADE),
            new ForeignKey("grades", "graded_by_id", "users", SET_NULL),
            new ForeignKey("discussions", "course_id", "courses", CASCADE),
            new ForeignKey("discussions", "author_id", "users", SET_NULL),
            new ForeignKey("discussion_posts", "discussion_id", "discussions", CASCADE),
            new ForeignKey("discussion_posts", "author_id", "users", SET_NULL),
            new ForeignKey("discussion_posts", "parent_id", "discussion_posts", CASCADE),
            new ForeignKey("announcements", "course_id", "courses", CASCADE),
            new ForeignKey("announcements", "author_id", "users", SET_NULL),
            new ForeignKey("course_content", "course_id", "courses", CASCADE),
            new ForeignKey("idempotency_keys", "user_id", "users", CASCADE),
            new ForeignKey("refresh_sessions", "user_id", "users", CASCADE));

    public static final List<Index> INDEXES = List.of(
            new Index("users_pkey", "users", "id", true),
            new Index("users_email_key", "users", "lower(email)", true),
            new Index("courses_pkey", "courses", "id", true),
            new Index("courses_code_key", "courses", "code", true),
            new Index("courses_instructor_id_idx", "courses", "instructor_id", false),
            new Index("enrollments_pkey", "enrollments", "id", true),
            new Index("enrollments_user_id_course_id_key", "enrollments", "user_id, course_id", true),
            new Index("enrollments_course_id_idx", "enrollments", "course_id", false),
            new Index("assignments_pkey", "assignments", "id", true),
            new Index("assignments_course_id_due_date_idx", "assignments", "course_id, due_date", false),
            new Index("submissions_pkey", "submissions", "id", true),
            new Index("submissions_assignment_id_student_id_key", "submissions", "assignment_id, student_id", true),
            new Index("submissions_student_id_idx", "submissions", "student_id", false),
            new Index("grades_pkey", "grades", "id", true),
            new Index("grades_submission_id_key", "grades", "submission_id", true),
            new Index("grades_graded_by_id_idx", "grades", "graded_by_id", false),
            new Index("discussions_pkey", "discussions", "id", true),
            new Index("discussions_course_id_created_at_idx", "discussions", "course_id, created_at", false),
            new Index("discussions_author_id_idx", "discussions", "author_id", false),
            new Index("discussion_posts_pkey", "discussion_posts", "id", true),
            new Index(
                    "discussion_posts_discussion_id_created_at_idx",
                    "discussion_posts",
                    "discussion_id, created_at",
                    false),
            new Index("discussion_posts_author_id_idx", "discussion_posts", "author_id", false),
            new Index("discussion_posts_parent_id_idx", "discussion_posts", "parent_id", false),
            new Index("announcements_pkey", "announcements", "id", true),
            new Index("announcements_course_id_created_at_idx", "announcements", "course_id, created_at", false),
            new Index("announcements_author_id_idx", "announcements", "author_id", false),
            new Index("course_content_pkey", "course_content", "id", true),
            new Index("course_content_course_id_position_idx", "course_content", "course_id, \"position\"", false),
            new Index("idempotency_keys_pkey", "idempotency_keys", "user_id, idempotency_key", true),
            new Index("idempotency_keys_created_at_idx", "idempotency_keys", "created_at", false),
            new Index("refresh_sessions_pkey", "refresh_sessions", "id", true),
            new Index("refresh_sessions_token_hash_key", "refresh_sessions", "token_hash", true),
            new Index("refresh_sessions_user_id_idx", "refresh_sessions", "user_id", false),
            new Index("refresh_sessions_family_id_idx", "refresh_sessions", "family_id", false));

    /**
     * The migration that added each object V1 did not create: a table by its name (its foreign keys and indexes come
     * with it), an index on an older table by the index's name. {@link BaselineGuard} checks a database that holds V1
     * alone, so it leaves these out ({@link SchemaDrift#asOf}).
     */
    public static final Map<String, Integer> ADDED_AFTER_V1 = Map.of("idempotency_keys", 5, "refresh_sessions", 7);

    private ExpectedSchema() {}

    /** Whether the migrations up to {@code version} create this table. */
    static boolean tableExistsAt(String table, int version) {
        return ADDED_AFTER_V1.getOrDefault(table, 1) <= version;
    }

    /** Whether the migrations up to {@code version} create this index. */
    static boolean indexExistsAt(Index index, int version) {
        return tableExistsAt(index.table(), version) && ADDED_AFTER_V1.getOrDefault(index.name(), 1) <= version;
    }
}
