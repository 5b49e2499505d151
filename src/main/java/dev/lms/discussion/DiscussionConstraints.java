package dev.lms.discussion;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the discussions and discussion_posts tables' constraints (V1) mean to a client. */
@ApplicationScoped
public class DiscussionConstraints implements DatabaseConstraints {

    @Override
    public List<ConstraintRule> rules() {
        return List.of(
                ConstraintRule.foreignKey(
                        "discussions_course_id_fkey", "courseId", "No course with this id exists.", null),
                ConstraintRule.foreignKey(
                        "discussions_author_id_fkey", "authorId", "No user with this id exists.", null),
                ConstraintRule.check("discussions_title_not_blank", "title", "must not be blank"),
                ConstraintRule.foreignKey(
                        "discussion_posts_discussion_id_fkey",
                        "discussionId",
                        "No discussion with this id exists.",
                        null),
                ConstraintRule.foreignKey(
                        "discussion_posts_author_id_fkey", "authorId", "No user with this id exists.", null),
                ConstraintRule.foreignKey(
                        "discussion_posts_parent_id_fkey", "parentId", "No post with this id exists.", null),
                ConstraintRule.check("discussion_posts_content_not_blank", "content", "must not be blank"));
    }
}
