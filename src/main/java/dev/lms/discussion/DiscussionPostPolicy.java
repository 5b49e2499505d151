package dev.lms.discussion;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.CourseAccess;
import dev.lms.course.Course_;
import dev.lms.crud.Ownership;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Discussion posts: whoever reads a discussion's course reads its posts and posts in it, in their own name. A post's
 * author edits and deletes it; the course's instructor (or an admin) moderates any post.
 */
@ApplicationScoped
public class DiscussionPostPolicy implements Policy<DiscussionPost> {

    private final Caller caller;
    private final Membership membership;
    private final CourseAccess courseAccess;

    DiscussionPostPolicy(Caller caller, Membership membership, CourseAccess courseAccess) {
        this.caller = caller;
        this.membership = membership;
        this.courseAccess = courseAccess;
    }

    @Override
    public Condition<DiscussionPost> readable() {
        return membership.readable(post ->
                post.get(DiscussionPost_.discussion).get(Discussion_.course).get(Course_.id));
    }

    @Override
    public void checkChange(DiscussionPost post) {
        boolean author = post.author != null && caller.is(post.author.id);
        if (!author && !courseAccess.teaches(post.discussion.course)) {
            throw Refusal.forbidden("Only its author, the course's instructor or an admin edits or deletes a post.");
        }
    }

    /** The discussions a post may be written into: those of the courses the caller reads. */
    Condition<Discussion> discussions() {
        return membership.readable(
                discussion -> discussion.get(Discussion_.course).get(Course_.id));
    }

    /** The author to store: see {@link Ownership}; {@code current} is the caller on create, the author on edit. */
    UUID author(UUID requested, UUID current) {
        return Ownership.of(caller, "authorId", requested, current);
    }
}
