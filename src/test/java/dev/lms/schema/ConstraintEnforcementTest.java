package dev.lms.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database itself refuses orphans, duplicates and rule-breaking values, whatever client writes to it. */
@QuarkusTest
class ConstraintEnforcementTest {

    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";

    @Inject
    Fixtures fixtures;

    UUID instructor;
    UUID student;
    UUID course;

    @BeforeEach
    void arrange() {
        instructor = fixtures.instructor();
        student = fixtures.student();
        course = fixtures.course(instructor);
    }

    @Test
    void anEnrollmentOfAUserThatDoesNotExistIsRefused() {
        assertRefused(
                FOREIGN_KEY_VIOLATION,
                "INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)",
                UUID.randomUUID(),
                course);
    }

    @Test
    void aCourseWithoutAnExistingInstructorIsRefused() {
        assertRefused(
                FOREIGN_KEY_VIOLATION,
                "INSERT INTO courses (code, title, instructor_id) VALUES ('ORPHAN-1', 'x', ?)",
                UUID.randomUUID());
    }

    @Test
    void aReplyToAPostThatDoesNotExistIsRefused() {
        UUID discussion = fixtures.discussion(course, student);
        assertRefused(
                FOREIGN_KEY_VIOLATION,
                "INSERT INTO discussion_posts (content, discussion_id, parent_id) VALUES ('hi', ?, ?)",
                discussion,
                UUID.randomUUID());
    }

    @Test
    void anEmailThatDiffersOnlyInCaseIsADuplicate() throws SQLException {
        fixtures.execute("INSERT INTO users (email, name, role) VALUES ('Ada.Lovelace@Example.org', 'Ada', 'STUDENT')");
        assertRefused(
                UNIQUE_VIOLATION,
                "INSERT INTO users (email, name, role) VALUES ('ada.lovelace@example.org', 'Ada again', 'STUDENT')");
    }

    @Test
    void aSecondCourseWithTheSameCodeIsRefused() {
        assertRefused(
                UNIQUE_VIOLATION,
                "INSERT INTO courses (code, title, instructor_id) SELECT code, 'copy', instructor_id FROM courses WHERE id = ?",
                course);
    }

    @Test
    void enrollingTheSameStudentTwiceIsRefused() {
        fixtures.enrollment(student, course);
        assertRefused(UNIQUE_VIOLATION, "INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)", student, course);
    }

    @Test
    void aSecondSubmissionForTheSameAssignmentAndStudentIsRefused() {
        UUID assignment = fixtures.assignment(course, 10);
        fixtures.submission(assignment, student);
        assertRefused(
                UNIQUE_VIOLATION,
                "INSERT INTO submissions (content, assignment_id, student_id) VALUES ('again', ?, ?)",
                assignment,
                student);
    }

    @Test
    void aSecondGradeForTheSameSubmissionIsRefused() {
        UUID submission = fixtures.submission(fixtures.assignment(course, 10), student);
        fixtures.grade(submission, instructor, "7");
        assertRefused(UNIQUE_VIOLATION, "INSERT INTO grades (score, submission_id) VALUES (8, ?)", submission);
    }

    @Test
    void anAssignmentWorthZeroPointsIsRefused() {
        assertRefused(
                CHECK_VIOLATION, "INSERT INTO assignments (title, points, course_id) VALUES ('Quiz', 0, ?)", course);
    }

    @Test
    void aNegativeScoreIsRefused() {
        UUID submission = fixtures.submission(fixtures.assignment(course, 10), student);
        assertRefused(CHECK_VIOLATION, "INSERT INTO grades (score, submission_id) VALUES (-1, ?)", submission);
    }

    @Test
    void aNegativeContentPositionIsRefused() {
        assertRefused(
                CHECK_VIOLATION,
                "INSERT INTO course_content (title, type, position, course_id) VALUES ('Intro', 'TEXT', -1, ?)",
                course);
    }

    @Test
    void aBlankUserNameIsRefused() {
        assertRefused(
                CHECK_VIOLATION,
                "INSERT INTO users (email, name, role) VALUES ('blank@example.org', '   ', 'STUDENT')");
    }

    @Test
    void aBlankCourseTitleIsRefused() {
        assertRefused(
                CHECK_VIOLATION,
                "INSERT INTO courses (code, title, instructor_id) VALUES ('BLANK-1', '', ?)",
                instructor);
    }

    @Test
    void aThumbnailThatIsNotAnHttpUrlIsRefused() {
        assertRefused(
                CHECK_VIOLATION,
                "INSERT INTO courses (code, title, instructor_id, thumbnail_url) VALUES ('JS-1', 'x', ?, 'javascript:alert(1)')",
                instructor);
    }

    private void assertRefused(String sqlState, String sql, Object... parameters) {
        assertThatThrownBy(() -> fixtures.execute(sql, parameters))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo(sqlState);
    }
}
