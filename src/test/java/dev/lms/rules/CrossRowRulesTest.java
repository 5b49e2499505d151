package dev.lms.rules;

import static dev.lms.testing.Problems.fieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * The rules that span rows (README, "Rules that span rows"), each written from both of its sides, through the API and
 * straight into the database: the database keeps them (V6) whichever path a write takes, and the API names the rule.
 */
@QuarkusTest
class CrossRowRulesTest {

    @Inject
    DataSource dataSource;

    @Inject
    Fixtures fixtures;

    UUID instructor;
    UUID course;
    UUID student;
    UUID assignment;
    UUID submission;

    @BeforeEach
    void aGradedSubmission() {
        instructor = fixtures.instructor();
        course = fixtures.course(instructor);
        student = fixtures.student();
        fixtures.enrollment(student, course);
        assignment = fixtures.assignment(course, 10);
        submission = fixtures.submission(assignment, student);
        fixtures.grade(submission, instructor, "8");
    }

    // --- score <= points -----------------------------------------------------------------------------------------

    @Test
    void aGradeAboveItsAssignmentsPointsIsRefusedByTheApiAndByTheDatabase() throws SQLException {
        UUID other = fixtures.submission(fixtures.assignment(course, 10), student);
        Api.given()
                .body(Map.of("submissionId", other, "score", 10.5))
                .post("/api/v1/grades")
                .then()
                .spec(fieldError(422, "score"));

        assertRefusedByRule(
                "grades_score_within_points", "INSERT INTO grades (score, submission_id) VALUES (10.5, ?)", other);
        assertRefusedByRule(
                "grades_score_within_points", "UPDATE grades SET score = 11 WHERE submission_id = ?", submission);
        assertThat(fixtures.count("grades", "submission_id", other)).isZero();
    }

    @Test
    void loweringPointsBelowAScoreAlreadyGivenIsA409NamingTheRuleAndChangesNothing() throws SQLException {
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("points", 7))
                .patch("/api/v1/assignments/" + assignment)
                .then()
                .spec(fieldError(409, "points"))
                .body("detail", containsString("score <= points"));
        assertRefusedByRule(
                "assignments_points_cover_grades", "UPDATE assignments SET points = 7 WHERE id = ?", assignment);
        assertThat(fixtures.row("assignments", assignment)).containsEntry("points", 10);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("points", 8))
                .patch("/api/v1/assignments/" + assignment)
                .then()
                .statusCode(200)
                .body("points", equalTo(8));
    }

    @Test
    void movingAGradedSubmissionToAnAssignmentWorthLessThanItsScoreIsA409() throws SQLException {
        UUID smaller = fixtures.assignment(course, 5);
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("assignmentId", smaller))
                .patch("/api/v1/submissions/" + submission)
                .then()
                .spec(fieldError(409, "assignmentId"));
        assertRefusedByRule(
                "submissions_grade_within_points",
                "UPDATE submissions SET assignment_id = ? WHERE id = ?",
                smaller,
                submission);
        assertThat(fixtures.row("submissions", submission)).containsEntry("assignment_id", assignment);

        UUID larger = fixtures.assignment(course, 8);
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("assignmentId", larger))
                .patch("/api/v1/submissions/" + submission)
                .then()
                .statusCode(200);
    }

    // --- a submission's student is enrolled in the assignment's course -----------------------------------------

    @Test
    void aSubmissionByAStudentNotEnrolledIsRefusedWhenCreatedOrMoved() throws SQLException {
        UUID otherCourse = fixtures.course(instructor);
        UUID elsewhere = fixtures.assignment(otherCourse, 10);
        Api.given()
                .body(Map.of("assignmentId", elsewhere, "studentId", student, "content", "Mine"))
                .post("/api/v1/submissions")
                .then()
                .spec(fieldError(422, "studentId"));
        UUID ungraded = fixtures.submission(fixtures.assignment(course, 10), student);
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("assignmentId", elsewhere))
                .patch("/api/v1/submissions/" + ungraded)
                .then()
                .spec(fieldError(422, "studentId"));

        assertRefusedByRule(
                "submissions_student_enrolled",
                "INSERT INTO submissions (assignment_id, student_id) VALUES (?, ?)",
                elsewhere,
                student);
        assertRefusedByRule(
                "submissions_student_enrolled",
                "UPDATE submissions SET assignment_id = ? WHERE id = ?",
                elsewhere,
                ungraded);
    }

    @Test
    void unenrollingKeepsTheStudentsSubmissionsAndGradesAndTheirContentStaysEditable() throws SQLException {
        UUID enrollment = enrollmentOf(student, course);
        UUID ungraded = fixtures.submission(fixtures.assignment(course, 10), student);

        Api.given().delete("/api/v1/enrollments/" + enrollment).then().statusCode(204);

        assertThat(fixtures.count("submissions", "student_id", student)).isEqualTo(2);
        assertThat(fixtures.count("grades", "submission_id", submission)).isOne();
        Api.as(student, "STUDENT")
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("content", "Corrected after leaving the course"))
                .patch("/api/v1/submissions/" + ungraded)
                .then()
                .statusCode(200);
        // No longer enrolled, the student does not see the course's assignments any more: a new one is unknown to them.
        Api.as(student, "STUDENT")
                .body(Map.of("assignmentId", fixtures.assignment(course, 10), "studentId", student))
                .post("/api/v1/submissions")
                .then()
                .spec(fieldError(422, "assignmentId"));
    }

    @Test
    void anAssignmentWithSubmissionsStaysInItsCourse() throws SQLException {
        UUID otherCourse = fixtures.course(instructor);
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("courseId", otherCourse))
                .patch("/api/v1/assignments/" + assignment)
                .then()
                .spec(fieldError(409, "courseId"));
        assertRefusedByRule(
                "assignments_course_keeps_submissions",
                "UPDATE assignments SET course_id = ? WHERE id = ?",
                otherCourse,
                assignment);

        UUID unsubmitted = fixtures.assignment(course, 10);
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("courseId", otherCourse))
                .patch("/api/v1/assignments/" + unsubmitted)
                .then()
                .statusCode(200);
    }

    // --- roles of the people a row names ------------------------------------------------------------------------

    @Test
    void anInstructorWhoStillTeachesCannotBecomeAStudentAndAStudentCannotBeNamedInstructor() {
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("role", "STUDENT"))
                .patch("/api/v1/users/" + instructor)
                .then()
                .statusCode(409);
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("instructorId", student))
                .patch("/api/v1/courses/" + course)
                .then()
                .spec(fieldError(422, "instructorId"));
    }

    @Test
    void aGraderWhoBecomesAStudentKeepsTheGradesTheyGaveButAStudentCannotBeNamedGrader() {
        UUID grader = fixtures.instructor();
        UUID other = fixtures.submission(fixtures.assignment(course, 10), student);
        UUID grade = fixtures.grade(other, grader, "5");

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("role", "STUDENT"))
                .patch("/api/v1/users/" + grader)
                .then()
                .statusCode(200);

        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("feedback", "Still theirs"))
                .patch("/api/v1/grades/" + grade)
                .then()
                .statusCode(200)
                .body("gradedById", equalTo(grader.toString()));
        UUID ungraded = fixtures.submission(fixtures.assignment(course, 10), student);
        Api.given()
                .body(Map.of("submissionId", ungraded, "score", 5, "gradedById", grader))
                .post("/api/v1/grades")
                .then()
                .spec(fieldError(422, "gradedById"));
    }

    // --- a reply stays in its parent's discussion ---------------------------------------------------------------

    @Test
    void aReplyStaysInItsParentsDiscussionAndAPostNeverMovesToAnotherDiscussion() {
        UUID discussion = fixtures.discussion(course, instructor);
        UUID otherDiscussion = fixtures.discussion(course, instructor);
        UUID parent = fixtures.post(discussion, instructor, null);

        Api.given()
                .body(Map.of("discussionId", otherDiscussion, "parentId", parent, "content", "Reply"))
                .post("/api/v1/discussion-posts")
                .then()
                .spec(fieldError(422, "parentId"));
        Api.given()
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("discussionId", otherDiscussion))
                .patch("/api/v1/discussion-posts/" + parent)
                .then()
                .spec(fieldError(422, "discussionId"));
    }

    private void assertRefusedByRule(String rule, String sql, Object... parameters) {
        assertThatThrownBy(() -> fixtures.execute(sql, parameters)).isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("23514");
            assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo(rule);
        });
    }

    private UUID enrollmentOf(UUID userId, UUID courseId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT id FROM enrollments WHERE user_id = ? AND course_id = ?")) {
            statement.setObject(1, userId);
            statement.setObject(2, courseId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }
}
