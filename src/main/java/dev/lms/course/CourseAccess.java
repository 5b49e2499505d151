package dev.lms.course;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.crud.Refusal;
import dev.lms.persistence.AuditedEntity;
import dev.lms.persistence.Condition;
import dev.lms.persistence.Queries;
import dev.lms.user.User_;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The course checks the features share: whether the caller teaches a course, and the course a request body names for
 * a write into it. Scopes over rows are {@link Membership}'s.
 */
@ApplicationScoped
public class CourseAccess {

    private final Caller caller;
    private final Membership membership;

    CourseAccess(Caller caller, Membership membership) {
        this.caller = caller;
        this.membership = membership;
    }

    /** Whether the caller may manage this course: its instructor, or an ADMIN. */
    public boolean teaches(Course course) {
        return caller.isAdmin() || caller.is(course.instructor.id);
    }

    /**
     * Whether the caller may manage the course with this id, for a body that names it: an ADMIN always (the foreign
     * key then proves it exists), an INSTRUCTOR when they teach it. One indexed lookup.
     */
    public boolean teaches(UUID courseId) {
        return caller.isAdmin()
                || Queries.count(
                                Course.class,
                                AuditedEntity.<Course>withId(courseId)
                                        .and(Condition.equal(
                                                course -> course.get(Course_.instructor)
                                                        .get(User_.id),
                                                caller.id())))
                        > 0;
    }

    /**
     * The course a request body names in {@code courseId}, for a write into it. One the caller may not see is refused
     * exactly like one that does not exist: 422 on {@code courseId}, the answer its foreign key gives.
     */
    public Course named(UUID courseId) {
        return Queries.select(Course.class, readable(courseId), List.of())
                .uniqueResultOptional()
                .orElseThrow(() -> Refusal.unprocessable("courseId", "No course with this id exists."));
    }

    /**
     * The course a body names for a write that only its instructor (or an ADMIN) makes: 422 as {@link #named} when the
     * caller may not see it, 403 with {@code refusal} when they see it but do not teach it.
     */
    public Course taughtNamed(UUID courseId, String refusal) {
        Course course = named(courseId);
        if (!teaches(course)) {
            throw Refusal.forbidden(refusal);
        }
        return course;
    }

    /** Whether the course exists and the caller may see it: the one look-up a nested list makes when it came back empty. */
    public boolean canRead(UUID courseId) {
        return Queries.count(Course.class, readable(courseId)) > 0;
    }

    /** The course with this id, if the caller may see it. */
    public Condition<Course> readable(UUID courseId) {
        return membership.<Course>readable(course -> course.get(Course_.id)).and(AuditedEntity.withId(courseId));
    }
}
