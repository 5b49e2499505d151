package dev.lms.discussion;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.Course;
import dev.lms.course.CourseAccess;
import dev.lms.crud.Ownership;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Discussions: whoever reads a course reads and starts its discussions, in their own name. Its author or the
 * course's instructor (or an admin) edits one; only the instructor or an admin deletes it, with everyone's posts.
 */
@ApplicationScoped
public class DiscussionPolicy implements Policy<Discussion> {

    private final Caller caller;

    DiscussionPolicy(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Where readable() {
        return Membership.readable(caller, "course.id");
    }

    @Override
    public void checkChange(Discussion discussion) {
        boolean author = discussion.author != null && caller.is(discussion.author.id);
        if (!author && !CourseAccess.teaches(caller, discussion.course)) {
            throw Refusal.forbidden("Only its author, the course's instructor or an admin edits a discussion.");
        }
    }

    void checkDelete(Discussion discussion) {
        if (!CourseAccess.teaches(caller, discussion.course)) {
            throw Refusal.forbidden(
                    "Only the course's instructor or an admin deletes a discussion, with everyone's posts in it.");
        }
    }

    /** Moving a discussion takes teaching both courses: 422 for a course the caller may not see, 403 otherwise. */
    Course destination(Discussion discussion, UUID courseId) {
        Course course = CourseAccess.named(caller, courseId);
        if (!CourseAccess.teaches(caller, discussion.course) || !CourseAccess.teaches(caller, course)) {
            throw Refusal.forbidden("Only the instructor of both courses, or an admin, moves a discussion.");
        }
        return course;
    }

    /** The author to store: see {@link Ownership}; {@code current} is the caller on create, the author on edit. */
    UUID author(UUID requested, UUID current) {
        return Ownership.of(caller, "authorId", requested, current);
    }
}
