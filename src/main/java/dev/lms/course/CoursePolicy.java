package dev.lms.course;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Courses: an ADMIN sees every course, an INSTRUCTOR the courses they teach, a STUDENT the courses they are enrolled
 * in. Instructors create courses and manage their own; an admin manages all; students only read.
 */
@ApplicationScoped
public class CoursePolicy implements Policy<Course> {

    private final Caller caller;
    private final Membership membership;

    CoursePolicy(Caller caller, Membership membership) {
        this.caller = caller;
        this.membership = membership;
    }

    @Override
    public Condition<Course> readable() {
        return membership.readable(course -> course.get(Course_.id));
    }

    @Override
    public void checkChange(Course course) {
        if (!teaches(course)) {
            throw Refusal.forbidden("Only the course's instructor or an admin may change or delete it.");
        }
    }

    /** Whether the caller may manage this course: its instructor, or an ADMIN. */
    boolean teaches(Course course) {
        return caller.isAdmin() || caller.is(course.instructor.id);
    }

    void checkCreate() {
        if (caller.isStudent()) {
            throw Refusal.forbidden("Only instructors and admins create courses.");
        }
    }

    /**
     * The instructor a body names. An ADMIN names anyone (the service checks they are not a student). An INSTRUCTOR
     * teaches the courses they create and edit: they may leave the field out, and may not name anyone else (who would
     * then own a course its creator still manages, or lose it).
     */
    UUID instructorId(UUID requested) {
        if (caller.isAdmin()) {
            if (requested == null) {
                throw Refusal.invalid("instructorId", "must not be null");
            }
            return requested;
        }
        if (requested != null && !caller.is(requested)) {
            throw Refusal.forbidden("An instructor can only teach their own courses: instructorId must be "
                    + "your own id, or left out.");
        }
        return caller.id();
    }
}
