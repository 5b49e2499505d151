package dev.lms.content;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the course_content table's constraints (V1) mean to a client. */
@ApplicationScoped
public class CourseContentConstraints implements DatabaseConstraints {

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                ConstraintRule.foreignKey(
                        "course_content_course_id_fkey", "courseId", "No course with this id exists.", null),
                ConstraintRule.check("course_content_title_not_blank", "title", "must not be blank"),
                ConstraintRule.check("course_content_position_not_negative", "position", "must be 0 or more"),
                ConstraintRule.check("course_content_file_url_http", "fileUrl", "must be an http or https URL"));
    }
}
