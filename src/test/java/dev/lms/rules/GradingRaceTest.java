package dev.lms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lms.testing.Api;
import dev.lms.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An instructor grades a submission while its student edits or withdraws it, through the API. The test holds the
 * grading request between its write and its commit: its own transaction locks the assignment, which the grade's
 * trigger must read FOR SHARE, so the grading request waits there with its grade written and the submission locked.
 * The student's request then runs and must wait for the grading lock, and, once the grade has committed, see it and
 * refuse. Without the lock SubmissionService takes before its "not graded" check, the student's check runs at once,
 * sees no grade, and the edit commits after the grade: every time.
 */
@QuarkusTest
class GradingRaceTest {

    @Inject
    Fixtures fixtures;

    Transactions transactions;
    UUID instructor;
    UUID student;
    UUID assignment;
    UUID submission;

    @BeforeEach
    void anUngradedSubmission() {
        instructor = fixtures.instructor();
        student = fixtures.student();
        assignment = fixtures.assignment(fixtures.course(instructor), 10);
        submission = fixtures.submission(assignment, student);
        transactions = new Transactions();
    }

    @AfterEach
    void stopThreads() {
        transactions.close();
    }

    @Test
    void anEditRacingAGradeWaitsForItAndIsThenRefused() throws Exception {
        int[] outcome = race(() -> Api.as(student, "STUDENT")
                .contentType(Api.MERGE_PATCH)
                .body(Map.of("content", "Changed while being graded"))
                .patch("/api/v1/submissions/" + submission)
                .statusCode());

        assertThat(outcome).containsExactly(201, 403);
        assertThat(fixtures.row("submissions", submission)).containsEntry("content", "My answer");
    }

    @Test
    void aWithdrawalRacingAGradeWaitsForItAndIsThenRefused() throws Exception {
        int[] outcome = race(() -> Api.as(student, "STUDENT")
                .delete("/api/v1/submissions/" + submission)
                .statusCode());

        assertThat(outcome).containsExactly(201, 403);
        assertThat(fixtures.count("grades", "submission_id", submission)).isOne();
    }

    /** @return the grading request's status and the student's */
    private int[] race(Supplier<Integer> studentRequest) throws Exception {
        try (Connection holdsTheAssignment = Transactions.begin()) {
            Transactions.execute(
                    holdsTheAssignment, "SELECT 1 FROM assignments WHERE id = ? FOR NO KEY UPDATE", assignment);

            CompletableFuture<Integer> grading = transactions.startAndAwaitLockOrEnd(
                    () -> Api.as(instructor, "INSTRUCTOR")
                            .body(Map.of("submissionId", submission, "score", 7))
                            .post("/api/v1/grades")
                            .statusCode(),
                    "insert into grades%");
            assertThat(grading)
                    .as("the grading request waits on the assignment")
                    .isNotDone();

            CompletableFuture<Integer> student = transactions.startAndAwaitLockOrEnd(studentRequest, "%submissions%");
            holdsTheAssignment.rollback();

            return new int[] {grading.get(), student.get()};
        }
    }
}
