package dev.lms.submission;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import dev.lms.web.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the submissions table's constraints (V1) mean to a client. */
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
                ConstraintRule.check("submissions_file_url_http", "fileUrl", "must be an http or https URL"));
    }

    @Override
    public List<TextLimit> textLimits() {
        return List.of(
                new TextLimit("submissions", "content", "content", CONTENT_MAX),
                new TextLimit("submissions", "file_url", "fileUrl", FILE_URL_MAX));
    }
}
