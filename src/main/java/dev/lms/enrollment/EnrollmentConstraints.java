package dev.lms.enrollment;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the enrollments table's constraints (V1) mean to a client. */
@ApplicationScoped
public class EnrollmentConstraints implements DatabaseConstraints {

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                ConstraintRule.unique(
                        "enrollments_user_id_course_id_key", "userId", "This user is already enrolled in this course."),
                // Both cascade on delete, so neither is ever "still referenced".
                ConstraintRule.foreignKey("enrollments_user_id_fkey", "userId", "No user with this id exists.", null),
                ConstraintRule.foreignKey(
                        "enrollments_course_id_fkey", "courseId", "No course with this id exists.", null));
    }
}
