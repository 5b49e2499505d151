package dev.lms.discussion;

import dev.lms.web.ConstraintRule;
import dev.lms.web.DatabaseConstraints;
import dev.lms.web.TextLimit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the discussions and discussion_posts tables' constraints (V1) mean to a client. */
@ApplicationScoped
public class DiscussionConstraints implements DatabaseConstraints {

    public static final int TITLE_MAX = 200;
    public static final int CONTENT_MAX = 20_000;
    public static final int POST_CONTENT_MAX = 20_000;

    /** A top-level post is level 1; a reply beyond this level is a 422 (see DiscussionPostService). */
    public static final int MAX_REPLY_DEPTH = 50;
    /** The most posts GET /discussions/{id}/posts answers with; X-Total-Count tells when a discussion holds more. */
    public static final int MAX_THREAD_POSTS = 2_000;

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

    @Override
    public List<TextLimit> textLimits() {
        return List.of(
                new TextLimit("discussions", "title", "title", TITLE_MAX),
                new TextLimit("discussions", "content", "content", CONTENT_MAX),
                new TextLimit("discussion_posts", "content", "content", POST_CONTENT_MAX));
    }
}
