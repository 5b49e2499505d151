package dev.lms.submission;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import dev.lms.web.ProblemException;
import dev.lms.web.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** What the submissions table's constraints (V1, V6) mean to a client. */
@ApplicationScoped
public class SubmissionConstraints implements DatabaseConstraints {

    public static final int CONTENT_MAX = 100_000;
    public static final int FILE_URL_MAX = 2_048;

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                ConstraintRule.unique(
                        "submissions_assignment_id_student_id_key",
                        "studentId",
                        "This student has already submitted this assignment; change that submission instead."),
                // Both cascade on delete, so neither is ever "still referenced".
                ConstraintRule.foreignKey(
                        "submissions_assignment_id_fkey", "assignmentId", "No assignment with this id exists.", null),
                ConstraintRule.foreignKey(
                        "submissions_student_id_fkey", "studentId", "No user with this id exists.", null),
                ConstraintRule.check("submissions_file_url_http", "fileUrl", "must be an http or https URL"),
                // Cross-row rules (V6): README, "Rules that span rows".
                ConstraintRule.crossRow(
                        "submissions_student_enrolled",
                        "studentId",
                        ProblemException.UNPROCESSABLE_CONTENT,
                        "The student is not enrolled in the course of this assignment."),
                ConstraintRule.crossRow(
                        "submissions_grade_within_points",
                        "assignmentId",
                        Status.CONFLICT,
                        "This submission's grade is higher than the points of that assignment (score <= points); "
                                + "change the grade first."));
    }

    @Override
    public List<TextLimit> textLimits() {
        return List.of(
                new TextLimit("submissions", "content", "content", CONTENT_MAX),
                new TextLimit("submissions", "file_url", "fileUrl", FILE_URL_MAX));
    }
}
