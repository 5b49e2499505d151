package dev.lms.course;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the courses table's constraints (V1) mean to a client. */
@ApplicationScoped
public class CourseConstraints implements DatabaseConstraints {

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                ConstraintRule.unique("courses_code_key", "code", "A course with this code already exists."),
                ConstraintRule.foreignKey(
                        "courses_instructor_id_fkey",
                        "instructorId",
                        "No user with this id exists.",
                        // RESTRICT: raised when deleting a user who still teaches.
                        "This user still teaches at least one course; reassign or delete those courses first."),
                ConstraintRule.check("courses_code_not_blank", "code", "must not be blank"),
                ConstraintRule.check("courses_title_not_blank", "title", "must not be blank"),
                ConstraintRule.check("courses_thumbnail_url_http", "thumbnailUrl", "must be an http or https URL"));
    }
}
