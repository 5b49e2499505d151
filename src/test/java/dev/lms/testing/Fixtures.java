package dev.lms.testing;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Arranges rows with plain SQL, so tests of the schema and of the API start from data that no service code wrote.
 * Every natural key (email, course code) is unique per call, so tests never collide with each other's rows. A
 * {@code @QuarkusTest} injects it, on the database of its profile; a test with a database of its own constructs one.
 */
@Singleton
public final class Fixtures {

    private final DataSource dataSource;

    @Inject
    public Fixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public UUID user(String role) {
        return insert(
                "INSERT INTO users (email, name, role) VALUES (?, ?, ?::user_role) RETURNING id",
                unique(role.toLowerCase()) + "@example.org",
                "Test " + role,
                role);
    }

    /** Gives the user a password to log in with (bcrypt, as the service stores it). */
    public void setPassword(UUID user, String password) throws SQLException {
        execute("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash(password), user);
    }

    /**
     * A bcrypt hash at cost 4, the test profile's {@code %test.lms.auth.password-hash-cost}: a login checks a hash at its
     * own cost, so a fixture hashed at the default would make each test login as slow as a production one.
     */
    public static String passwordHash(String password) {
        return io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(password, 4);
    }

    public UUID user(String role, String email) {
        return insert(
                "INSERT INTO users (email, name, role) VALUES (?, ?, ?::user_role) RETURNING id",
                email,
                "Test " + role,
                role);
    }

    public UUID instructor() {
        return user("INSTRUCTOR");
    }

    public UUID student() {
        return user("STUDENT");
    }

    public UUID course(UUID instructorId) {
        return insert(
                "INSERT INTO courses (code, title, instructor_id) VALUES (?, ?, ?) RETURNING id",
                unique("CS"),
                "Course",
                instructorId);
    }

    public UUID enrollment(UUID userId, UUID courseId) {
        return insert("INSERT INTO enrollments (user_id, course_id) VALUES (?, ?) RETURNING id", userId, courseId);
    }

    public UUID assignment(UUID courseId, int points) {
        return insert(
                "INSERT INTO assignments (title, points, course_id) VALUES (?, ?, ?) RETURNING id",
                "Assignment",
                points,
                courseId);
    }

    /**
     * A submission, made as the database requires (V6): by a student enrolled in the assignment's course, whom this
     * enrolls first when they are not.
     */
    public UUID submission(UUID assignmentId, UUID studentId) {
        try {
            execute(
                    "INSERT INTO enrollments (user_id, course_id) SELECT ?, course_id FROM assignments WHERE id = ?"
                            + " ON CONFLICT DO NOTHING",
                    studentId,
                    assignmentId);
        } catch (SQLException e) {
            throw new IllegalStateException("Fixture enrollment failed", e);
        }
        return insert(
                "INSERT INTO submissions (content, assignment_id, student_id) VALUES (?, ?, ?) RETURNING id",
                "My answer",
                assignmentId,
                studentId);
    }

    public UUID grade(UUID submissionId, UUID graderId, String score) {
        return insert(
                "INSERT INTO grades (score, submission_id, graded_by_id) VALUES (?, ?, ?) RETURNING id",
                new BigDecimal(score),
                submissionId,
                graderId);
    }

    public UUID discussion(UUID courseId, UUID authorId) {
        return insert(
                "INSERT INTO discussions (title, course_id, author_id) VALUES (?, ?, ?) RETURNING id",
                "Discussion",
                courseId,
                authorId);
    }

    public UUID post(UUID discussionId, UUID authorId, UUID parentId) {
        return insert(
                "INSERT INTO discussion_posts (content, discussion_id, author_id, parent_id) VALUES (?, ?, ?, ?) RETURNING id",
                "A post",
                discussionId,
                authorId,
                parentId);
    }

    public UUID announcement(UUID courseId, UUID authorId) {
        return insert(
                "INSERT INTO announcements (title, course_id, author_id) VALUES (?, ?, ?) RETURNING id",
                "Announcement",
                courseId,
                authorId);
    }

    public UUID content(UUID courseId, String type, int position) {
        return insert(
                "INSERT INTO course_content (title, type, position, course_id) VALUES (?, ?::content_type, ?, ?) RETURNING id",
                "Lesson",
                type,
                position,
                courseId);
    }

    /** All rows of {@code table}: to show a refused request wrote nothing. */
    public long count(String table) {
        return count(table, "true", true);
    }

    /** Rows of {@code table} whose {@code column} equals {@code value}. */
    public long count(String table, String column, Object value) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
            statement.setObject(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The row of {@code table} with this id, column by column (null when there is none): to show nothing changed. */
    public Map<String, Object> row(String table, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    row.put(rows.getMetaData().getColumnName(column), rows.getObject(column));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement; used to break rules on purpose and to bulk-load. */
    public int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private UUID insert(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Fixture insert failed: " + sql, e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
