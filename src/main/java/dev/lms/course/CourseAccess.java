package dev.lms.course;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Where;
import java.util.UUID;

/**
 * The course checks the features share: whether the caller teaches a course, and the course a request body names for
 * a write into it. Scopes over rows are {@link Membership}'s.
 */
public final class CourseAccess {

    private CourseAccess() {}

    /** Whether the caller may manage this course: its instructor, or an ADMIN. */
    public static boolean teaches(Caller caller, Course course) {
        return caller.isAdmin() || caller.is(course.instructor.id);
    }

    /**
     * Whether the caller may manage the course with this id, for a body that names it: an ADMIN always (the foreign
     * key then proves it exists), an INSTRUCTOR when they teach it. One indexed lookup.
     */
    public static boolean teaches(Caller caller, UUID courseId) {
        return caller.isAdmin() || Course.count("id = ?1 and instructor.id = ?2", courseId, caller.id()) > 0;
    }

    /**
     * The course a request body names in {@code courseId}, for a write into it. One the caller may not see is refused
     * exactly like one that does not exist: 422 on {@code courseId}, the answer its foreign key gives.
     */
    public static Course named(Caller caller, UUID courseId) {
        Where where = Membership.readable(caller, "id").and("id = :id", "id", courseId);
        return Course.<Course>find(where.query(), where.parameters())
                .firstResultOptional()
                .orElseThrow(() -> Refusal.unprocessable("courseId", "No course with this id exists."));
    }

    /**
     * The course a body names for a write that only its instructor (or an ADMIN) makes: 422 as {@link #named} when the
     * caller may not see it, 403 with {@code refusal} when they see it but do not teach it.
     */
    public static Course taughtNamed(Caller caller, UUID courseId, String refusal) {
        Course course = named(caller, courseId);
        if (!teaches(caller, course)) {
            throw Refusal.forbidden(refusal);
        }
        return course;
    }

    /** Whether the course exists and the caller may see it: the one look-up a nested list makes when it came back empty. */
    public static boolean canRead(Caller caller, UUID courseId) {
        Where where = Membership.readable(caller, "id").and("id = :id", "id", courseId);
        return Course.count(where.query(), where.parameters()) > 0;
    }
}
