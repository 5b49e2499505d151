package dev.lms.course;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.crud.PageResult;
import dev.lms.crud.Refusal;
import dev.lms.persistence.AuditedEntity;
import dev.lms.persistence.Condition;
import dev.lms.persistence.Queries;
import dev.lms.user.User_;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The course checks the other features share, on {@link CoursePolicy}'s rules: whether the caller teaches a course, the
 * course a request body names for a write into it, and whether a course is there for the caller to see. Scopes over
 * rows are {@link Membership}'s.
 */
@ApplicationScoped
public class CourseAccess {

    private final Caller caller;
    private final CoursePolicy policy;

    CourseAccess(Caller caller, CoursePolicy policy) {
        this.caller = caller;
        this.policy = policy;
    }

    /** Whether the caller may manage this course: its instructor, or an ADMIN. */
    public boolean teaches(Course course) {
        return policy.teaches(course);
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

    /**
     * {@code page}, a page of one course's list, checked for the course: when it is empty, 404 unless the course exists
     * and the caller may see it. A page with rows proves that already, so only an empty one costs the look-up.
     *
     * @throws Refusal not found, naming the course
     */
    public <R> PageResult<R> pageOf(UUID courseId, PageResult<R> page) {
        if (page.total() == 0 && Queries.count(Course.class, readable(courseId)) == 0) {
            throw Refusal.notFound("course", courseId);
        }
        return page;
    }

    /** The course with this id, if the caller may see it. */
    public Condition<Course> readable(UUID courseId) {
        return policy.readable().and(AuditedEntity.withId(courseId));
    }
}
