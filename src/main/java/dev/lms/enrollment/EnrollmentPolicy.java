package dev.lms.enrollment;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.CourseAccess;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Enrollments: an ADMIN sees every one, an INSTRUCTOR those of the courses they teach, a STUDENT only their own. A
 * student does not see who else takes a course (no roster): the class list is the instructor's. Only the course's
 * instructor or an ADMIN enrolls, moves and unenrolls.
 */
@ApplicationScoped
public class EnrollmentPolicy implements Policy<Enrollment> {

    private final Caller caller;

    EnrollmentPolicy(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Where readable() {
        return Membership.taughtOr(caller, "course.id", "user.id = :caller");
    }

    @Override
    public void checkChange(Enrollment enrollment) {
        if (!CourseAccess.teaches(caller, enrollment.course.id)) {
            throw Refusal.forbidden("Only the course's instructor or an admin changes or deletes its enrollments.");
        }
    }

    void checkCreate() {
        if (caller.isStudent()) {
            throw Refusal.forbidden("Only a course's instructor or an admin enrolls users.");
        }
    }

    /**
     * An instructor may only name a course they teach; any other is the same 422 as a course that does not exist, so
     * its existence does not leak. An ADMIN names any; its foreign key proves it exists.
     */
    void checkCourse(UUID courseId) {
        if (!CourseAccess.teaches(caller, courseId)) {
            throw Refusal.unprocessable("courseId", "No course with id " + courseId + " that you teach.");
        }
    }

    /** HQL join condition over course {@code c} and enrollment {@code e}: the enrollments of a course a caller counts. */
    String countedInCourse() {
        // Of a course they may see, its instructor counts every enrollment, a student only their own.
        return caller.isAdmin() ? "" : " and (c.instructor.id = :caller or e.user.id = :caller)";
    }
}
