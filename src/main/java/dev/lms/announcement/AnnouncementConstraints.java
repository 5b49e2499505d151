package dev.lms.announcement;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import dev.lms.web.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the announcements table's constraints (V1) mean to a client. */
@ApplicationScoped
public class AnnouncementConstraints implements DatabaseConstraints {

    public static final int TITLE_MAX = 200;
    public static final int CONTENT_MAX = 20_000;

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                ConstraintRule.foreignKey(
                        "announcements_course_id_fkey", "courseId", "No course with this id exists.", null),
                ConstraintRule.foreignKey(
                        "announcements_author_id_fkey", "authorId", "No user with this id exists.", null),
                ConstraintRule.check("announcements_title_not_blank", "title", "must not be blank"));
    }

    @Override
    public List<TextLimit> textLimits() {
        return List.of(
                new TextLimit("announcements", "title", "title", TITLE_MAX),
                new TextLimit("announcements", "content", "content", CONTENT_MAX));
    }
}
