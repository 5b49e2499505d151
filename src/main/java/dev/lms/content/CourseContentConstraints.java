package dev.lms.content;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import dev.lms.web.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the course_content table's constraints (V1) mean to a client. */
@ApplicationScoped
public class CourseContentConstraints implements DatabaseConstraints {

    public static final int TITLE_MAX = 200;
    public static final int CONTENT_MAX = 100_000;
    public static final int FILE_URL_MAX = 2_048;

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                ConstraintRule.foreignKey(
                        "course_content_course_id_fkey", "courseId", "No course with this id exists.", null),
                ConstraintRule.check("course_content_title_not_blank", "title", "must not be blank"),
                ConstraintRule.check("course_content_position_not_negative", "position", "must be 0 or more"),
                ConstraintRule.check("course_content_file_url_http", "fileUrl", "must be an http or https URL"));
    }

    @Override
    public List<TextLimit> textLimits() {
        return List.of(
                new TextLimit("course_content", "title", "title", TITLE_MAX),
                new TextLimit("course_content", "content", "content", CONTENT_MAX),
                new TextLimit("course_content", "file_url", "fileUrl", FILE_URL_MAX));
    }
}
