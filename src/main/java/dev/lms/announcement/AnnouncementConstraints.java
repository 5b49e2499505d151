package dev.lms.announcement;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the announcements table's constraints (V1) mean to a client. */
@ApplicationScoped
public class AnnouncementConstraints implements DatabaseConstraints {

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                ConstraintRule.foreignKey(
                        "announcements_course_id_fkey", "courseId", "No course with this id exists.", null),
                ConstraintRule.foreignKey(
                        "announcements_author_id_fkey", "authorId", "No user with this id exists.", null),
                ConstraintRule.check("announcements_title_not_blank", "title", "must not be blank"));
    }
}
