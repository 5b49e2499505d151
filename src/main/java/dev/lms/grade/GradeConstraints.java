package dev.lms.grade;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import dev.lms.web.ProblemException;
import dev.lms.web.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the grades table's constraints (V1, V6) mean to a client. */
@ApplicationScoped
public class GradeConstraints implements DatabaseConstraints {

    public static final int FEEDBACK_MAX = 10_000;

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                ConstraintRule.unique(
                        "grades_submission_id_key",
                        "submissionId",
                        "This submission already has a grade; change that grade instead."),
                // CASCADE and SET NULL on delete, so neither is ever "still referenced".
                ConstraintRule.foreignKey(
                        "grades_submission_id_fkey", "submissionId", "No submission with this id exists.", null),
                ConstraintRule.foreignKey(
                        "grades_graded_by_id_fkey", "gradedById", "No user with this id exists.", null),
                ConstraintRule.check("grades_score_not_negative", "score", "must be greater than or equal to 0"),
                // Cross-row rule (V6): README, "Rules that span rows".
                ConstraintRule.crossRow(
                        "grades_score_within_points",
                        "score",
                        ProblemException.UNPROCESSABLE_CONTENT,
                        "must be at most the points of the submission's assignment (score <= points)."));
    }

    @Override
    public List<TextLimit> textLimits() {
        return List.of(new TextLimit("grades", "feedback", "feedback", FEEDBACK_MAX));
    }
}
