package dev.lms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * Two transactions racing from both sides of a cross-row rule, driven step by step on separate connections: the
 * first has written and not committed, the second runs; the locks the V6 triggers take make the second wait and then
 * check what the first committed. Without those locks, the second would check the old state and both would commit.
 */
@QuarkusTest
class CrossRowRacesTest {

    @Inject
    Fixtures fixtures;

    Transactions transactions;
    UUID course;
    UUID student;
    UUID assignment;
    UUID submission;

    @BeforeEach
    void anUngradedSubmission() {
        course = fixtures.course(fixtures.instructor());
        student = fixtures.student();
        assignment = fixtures.assignment(course, 10);
        submission = fixtures.submission(assignment, student);
        transactions = new Transactions();
    }

    @AfterEach
    void stopThreads() {
        transactions.close();
    }

    @Test
    void aPointsChangeWaitsForAGradeInFlightAndIsThenRefused() throws Exception {
        try (Connection grading = Transactions.begin()) {
            Transactions.execute(grading, "INSERT INTO grades (score, submission_id) VALUES (9, ?)", submission);

            CompletableFuture<String> pointsChange = transactions.startAndAwaitLockOrEnd(
                    () -> outcome("UPDATE assignments SET points = 5 WHERE id = ?", assignment), "UPDATE assignments%");
            grading.commit();

            assertThat(pointsChange.get()).isEqualTo("assignments_points_cover_grades");
        }
        assertThat(fixtures.row("assignments", assignment)).containsEntry("points", 10);
    }

    @Test
    void aGradeWaitsForAPointsChangeInFlightAndIsThenRefused() throws Exception {
        try (Connection pointsChange = Transactions.begin()) {
            Transactions.execute(pointsChange, "UPDATE assignments SET points = 5 WHERE id = ?", assignment);

            CompletableFuture<String> grading = transactions.startAndAwaitLockOrEnd(
                    () -> outcome("INSERT INTO grades (score, submission_id) VALUES (9, ?)", submission),
                    "INSERT INTO grades (score, submission_id)%");
            pointsChange.commit();

            assertThat(grading.get()).isEqualTo("grades_score_within_points");
        }
        assertThat(fixtures.count("grades", "submission_id", submission)).isZero();
    }

    @Test
    void aSubmissionWaitsForAnUnenrollmentInFlightAndIsThenRefused() throws Exception {
        UUID another = fixtures.assignment(course, 10);
        try (Connection unenrollment = Transactions.begin()) {
            Transactions.execute(
                    unenrollment, "DELETE FROM enrollments WHERE user_id = ? AND course_id = ?", student, course);

            CompletableFuture<String> submitting = transactions.startAndAwaitLockOrEnd(
                    () -> outcome(
                            "INSERT INTO submissions (assignment_id, student_id) VALUES (?, ?)", another, student),
                    "INSERT INTO submissions (assignment_id, student_id)%");
            unenrollment.commit();

            assertThat(submitting.get()).isEqualTo("submissions_student_enrolled");
        }
        assertThat(fixtures.count("submissions", "assignment_id", another)).isZero();
    }

    @Test
    void anUnenrollmentWaitsForASubmissionInFlightWhichStaysAsHistory() throws Exception {
        UUID another = fixtures.assignment(course, 10);
        try (Connection submitting = Transactions.begin()) {
            Transactions.execute(
                    submitting, "INSERT INTO submissions (assignment_id, student_id) VALUES (?, ?)", another, student);

            CompletableFuture<String> unenrollment = transactions.startAndAwaitLockOrEnd(
                    () -> outcome("DELETE FROM enrollments WHERE user_id = ? AND course_id = ?", student, course),
                    "DELETE FROM enrollments%");
            assertThat(unenrollment)
                    .as("the unenrollment waits for the submission")
                    .isNotDone();
            submitting.commit();

            assertThat(unenrollment.get()).isEqualTo("committed");
        }
        assertThat(fixtures.count("submissions", "assignment_id", another)).isOne();
    }

    @Test
    void aSubmissionMovedToACheaperAssignmentWaitsForAGradeInFlightAndIsThenRefused() throws Exception {
        UUID cheaper = fixtures.assignment(course, 5);
        try (Connection grading = Transactions.begin()) {
            Transactions.execute(grading, "INSERT INTO grades (score, submission_id) VALUES (9, ?)", submission);

            CompletableFuture<String> move = transactions.startAndAwaitLockOrEnd(
                    () -> outcome("UPDATE submissions SET assignment_id = ? WHERE id = ?", cheaper, submission),
                    "UPDATE submissions%");
            grading.commit();

            assertThat(move.get()).isEqualTo("submissions_grade_within_points");
        }
        assertThat(fixtures.row("submissions", submission)).containsEntry("assignment_id", assignment);
    }

    @Test
    void anAssignmentMoveWaitsForASubmissionInFlightAndIsThenRefused() throws Exception {
        UUID fresh = fixtures.assignment(course, 10);
        UUID otherCourse = fixtures.course(fixtures.instructor());
        try (Connection submitting = Transactions.begin()) {
            Transactions.execute(
                    submitting, "INSERT INTO submissions (assignment_id, student_id) VALUES (?, ?)", fresh, student);

            CompletableFuture<String> move = transactions.startAndAwaitLockOrEnd(
                    () -> outcome("UPDATE assignments SET course_id = ? WHERE id = ?", otherCourse, fresh),
                    "UPDATE assignments%");
            submitting.commit();

            assertThat(move.get()).isEqualTo("assignments_course_keeps_submissions");
        }
        assertThat(fixtures.row("assignments", fresh)).containsEntry("course_id", course);
    }

    /** Runs one statement in a transaction of its own: "committed", or the name of the rule that refused it. */
    private static String outcome(String sql, Object... parameters) {
        try (Connection connection = Transactions.begin()) {
            Transactions.execute(connection, sql, parameters);
            connection.commit();
            return "committed";
        } catch (PSQLException e) {
            return e.getServerErrorMessage() == null
                            || e.getServerErrorMessage().getConstraint() == null
                    ? e.getSQLState()
                    : e.getServerErrorMessage().getConstraint();
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
