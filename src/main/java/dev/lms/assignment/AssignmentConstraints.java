package dev.lms.assignment;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import dev.lms.web.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** What the assignments table's constraints (V1, V6) mean to a client. */
@ApplicationScoped
public class AssignmentConstraints implements DatabaseConstraints {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                // Cascades on delete, so never "still referenced".
                ConstraintRule.foreignKey(
                        "assignments_course_id_fkey", "courseId", "No course with this id exists.", null),
                ConstraintRule.check("assignments_title_not_blank", "title", "must not be blank"),
                ConstraintRule.check("assignments_points_positive", "points", "must be greater than 0"),
                // Cross-row rules (V6): README, "Rules that span rows".
                ConstraintRule.crossRow(
                        "assignments_points_cover_grades",
                        "points",
                        Status.CONFLICT,
                        "must not be below a score this assignment's submissions already have (score <= points); "
                                + "change those grades first."),
                ConstraintRule.crossRow(
                        "assignments_course_keeps_submissions",
                        "courseId",
                        Status.CONFLICT,
                        "An assignment that has submissions stays in its course: they and their grades are that "
                                + "course's history."));
    }

    @Override
    public List<TextLimit> textLimits() {
        return List.of(
                new TextLimit("assignments", "title", "title", TITLE_MAX),
                new TextLimit("assignments", "description", "description", DESCRIPTION_MAX));
    }
}
