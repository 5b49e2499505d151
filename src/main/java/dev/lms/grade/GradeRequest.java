package dev.lms.grade;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The body of POST and PUT /grades, and the shape a merge patch is applied to.
 *
 * @param submissionId the graded submission (422 if there is none); it has at most one grade (409)
 * @param score        from 0 up to the assignment's points (422 above them), with at most two decimals
 * @param gradedById   optional: an INSTRUCTOR or ADMIN (422 for a STUDENT or an unknown user). A grade also shows
 *                     none once its grader's account is deleted
 */
public record GradeRequest(
        @NotNull UUID submissionId,

        @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal score,

        @Size(max = GradeConstraints.FEEDBACK_MAX, message = "must be at most {max} characters") String feedback,

        UUID gradedById) {

    /** The current state of a grade as a request, for merge patches. */
    static GradeRequest of(Grade grade) {
        return new GradeRequest(
                grade.submission.id, grade.score, grade.feedback, grade.gradedBy == null ? null : grade.gradedBy.id);
    }
}
