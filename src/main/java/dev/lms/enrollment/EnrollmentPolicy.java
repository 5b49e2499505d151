package dev.lms.enrollment;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.CourseAccess;
import dev.lms.course.Course_;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Condition;
import dev.lms.user.User_;
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
    private final Membership membership;
    private final CourseAccess courseAccess;

    EnrollmentPolicy(Caller caller, Membership membership, CourseAccess courseAccess) {
        this.caller = caller;
        this.membership = membership;
        this.courseAccess = courseAccess;
    }

    @Override
    public Condition<Enrollment> readable() {
        return membership.taughtOr(
                enrollment -> enrollment.get(Enrollment_.course).get(Course_.id),
                Condition.equal(enrollment -> enrollment.get(Enrollment_.user).get(User_.id), caller.id()));
    }

    @Override
    public void checkChange(Enrollment enrollment) {
        if (!courseAccess.teaches(enrollment.course.id)) {
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
        if (!courseAccess.teaches(courseId)) {
            throw Refusal.unprocessable("courseId", "No course with id " + courseId + " that you teach.");
        }
    }
}
