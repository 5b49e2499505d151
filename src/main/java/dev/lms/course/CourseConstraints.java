package dev.lms.course;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import dev.lms.web.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the courses table's constraints (V1) mean to a client. */
@ApplicationScoped
public class CourseConstraints implements DatabaseConstraints {

    /** A unique key: far below the index entry limit (about 2,700 bytes, that is 675 characters of 4 bytes). */
    public static final int CODE_MAX = 64;

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;
    public static final int SEMESTER_MAX = 64;
    public static final int THUMBNAIL_URL_MAX = 2_048;

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

    @Override
    public List<TextLimit> textLimits() {
        return List.of(
                new TextLimit("courses", "code", "code", CODE_MAX),
                new TextLimit("courses", "title", "title", TITLE_MAX),
                new TextLimit("courses", "description", "description", DESCRIPTION_MAX),
                new TextLimit("courses", "semester", "semester", SEMESTER_MAX),
                new TextLimit("courses", "thumbnail_url", "thumbnailUrl", THUMBNAIL_URL_MAX));
    }
}
