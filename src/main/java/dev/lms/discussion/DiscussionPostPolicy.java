package dev.lms.discussion;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.CourseAccess;
import dev.lms.crud.Ownership;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Discussion posts: whoever reads a discussion's course reads its posts and posts in it, in their own name. A post's
 * author edits and deletes it; the course's instructor (or an admin) moderates any post.
 */
@ApplicationScoped
public class DiscussionPostPolicy implements Policy<DiscussionPost> {

    private final Caller caller;

    DiscussionPostPolicy(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Where readable() {
        return Membership.readable(caller, "discussion.course.id");
    }

    @Override
    public void checkChange(DiscussionPost post) {
        boolean author = post.author != null && caller.is(post.author.id);
        if (!author && !CourseAccess.teaches(caller, post.discussion.course)) {
            throw Refusal.forbidden("Only its author, the course's instructor or an admin edits or deletes a post.");
        }
    }

    /** The discussions a post may be written into: those of the courses the caller reads. */
    Where discussions() {
        return Membership.readable(caller, "course.id");
    }

    /** The author to store: see {@link Ownership}; {@code current} is the caller on create, the author on edit. */
    UUID author(UUID requested, UUID current) {
        return Ownership.of(caller, "authorId", requested, current);
    }
}
