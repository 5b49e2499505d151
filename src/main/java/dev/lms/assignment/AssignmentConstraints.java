package dev.lms.assignment;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import dev.lms.web.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the assignments table's constraints (V1) mean to a client. */
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
                ConstraintRule.check("assignments_points_positive", "points", "must be greater than 0"));
    }

    @Override
    public List<TextLimit> textLimits() {
        return List.of(
                new TextLimit("assignments", "title", "title", TITLE_MAX),
                new TextLimit("assignments", "description", "description", DESCRIPTION_MAX));
    }
}
