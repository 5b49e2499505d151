package dev.lms.assignment;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.CourseAccess;
import dev.lms.course.Course_;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Assignments: whoever reads a course reads its assignments. The course's instructor or an admin creates, changes
 * and deletes them; students never do.
 */
@ApplicationScoped
public class AssignmentPolicy implements Policy<Assignment> {

    private final Caller caller;
    private final Membership membership;
    private final CourseAccess courseAccess;

    AssignmentPolicy(Caller caller, Membership membership, CourseAccess courseAccess) {
        this.caller = caller;
        this.membership = membership;
        this.courseAccess = courseAccess;
    }

    @Override
    public Condition<Assignment> readable() {
        return membership.readable(
                assignment -> assignment.get(Assignment_.course).get(Course_.id));
    }

    @Override
    public void checkChange(Assignment assignment) {
        if (!courseAccess.teaches(assignment.course.id)) {
            throw Refusal.forbidden("Only the course's instructor or an admin changes or deletes its assignments.");
        }
    }

    void checkCreate() {
        if (caller.isStudent()) {
            throw Refusal.forbidden("Only a course's instructor or an admin creates assignments.");
        }
    }

    /**
     * An assignment goes into a course the caller teaches. Any other is the same 422 as a course that does not exist,
     * so that its existence does not leak. An ADMIN names any course; its foreign key proves it exists.
     */
    void checkCourse(UUID courseId) {
        if (!courseAccess.teaches(courseId)) {
            throw Refusal.unprocessable("courseId", "No course with id " + courseId + " that you teach.");
        }
    }
}
