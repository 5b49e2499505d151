package dev.lms.discussion;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.Course;
import dev.lms.course.CourseAccess;
import dev.lms.course.Course_;
import dev.lms.crud.Ownership;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Discussions: whoever reads a course reads and starts its discussions, in their own name. Its author or the
 * course's instructor (or an admin) edits one; only the instructor or an admin deletes it, with everyone's posts.
 */
@ApplicationScoped
public class DiscussionPolicy implements Policy<Discussion> {

    private final Caller caller;
    private final Membership membership;
    private final CourseAccess courseAccess;

    DiscussionPolicy(Caller caller, Membership membership, CourseAccess courseAccess) {
        this.caller = caller;
        this.membership = membership;
        this.courseAccess = courseAccess;
    }

    @Override
    public Condition<Discussion> readable() {
        return membership.readable(
                discussion -> discussion.get(Discussion_.course).get(Course_.id));
    }

    @Override
    public void checkChange(Discussion discussion) {
        boolean author = discussion.author != null && caller.is(discussion.author.id);
        if (!author && !courseAccess.teaches(discussion.course)) {
            throw Refusal.forbidden("Only its author, the course's instructor or an admin edits a discussion.");
        }
    }

    void checkDelete(Discussion discussion) {
        if (!courseAccess.teaches(discussion.course)) {
            throw Refusal.forbidden(
                    "Only the course's instructor or an admin deletes a discussion, with everyone's posts in it.");
        }
    }

    /** Whoever reads a course starts discussions in it: 422 for a course the caller may not see. */
    Course courseToWrite(UUID courseId) {
        return courseAccess.named(courseId);
    }

    /** Moving a discussion takes teaching both courses: 422 for a course the caller may not see, 403 otherwise. */
    Course destination(Discussion discussion, UUID courseId) {
        Course course = courseAccess.named(courseId);
        if (!courseAccess.teaches(discussion.course) || !courseAccess.teaches(course)) {
            throw Refusal.forbidden("Only the instructor of both courses, or an admin, moves a discussion.");
        }
        return course;
    }

    /** The author to store: see {@link Ownership}; {@code current} is the caller on create, the author on edit. */
    UUID author(UUID requested, UUID current) {
        return Ownership.of(caller, "authorId", requested, current);
    }
}
