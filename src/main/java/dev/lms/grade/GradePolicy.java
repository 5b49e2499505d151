package dev.lms.grade;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.course.CourseAccess;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Where;
import dev.lms.submission.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Grades: an ADMIN sees every one, an INSTRUCTOR those in the courses they teach, everyone the grades of their own
 * submissions. Only the course's instructor or an ADMIN grades; an instructor grades as themselves ({@code gradedById}
 * is theirs, or left out), and a student never grades, not even their own work.
 */
@ApplicationScoped
public class GradePolicy implements Policy<Grade> {

    private final Caller caller;

    GradePolicy(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Where readable() {
        return Membership.taughtOr(caller, "submission.assignment.course.id", "submission.student.id = :caller");
    }

    @Override
    public void checkChange(Grade grade) {
        if (!caller.isAdmin()
                && Grade.count("id = ?1 and submission.assignment.course.instructor.id = ?2", grade.id, caller.id())
                        == 0) {
            throw Refusal.forbidden("Only the course's instructor or an admin changes or deletes a grade.");
        }
    }

    void checkCreate() {
        if (caller.isStudent()) {
            throw Refusal.forbidden("Only a course's instructor or an admin grades.");
        }
    }

    /** A submission the caller sees but may not grade (their own work, in a course they do not teach) is a 403. */
    void checkGrades(Submission submission) {
        if (!CourseAccess.teaches(caller, submission.assignment.course.id)) {
            throw Refusal.forbidden("Only the course's instructor or an admin grades its submissions.");
        }
    }

    /** The submissions a grade may name: those the caller sees, as in {@code SubmissionPolicy}. */
    Where gradable(String submission) {
        return Membership.taughtOr(
                caller, submission + ".assignment.course.id", submission + ".student.id = :" + Membership.CALLER);
    }

    /** An ADMIN names any grader, or none; anyone else grades as themselves. */
    UUID graderId(UUID gradedById) {
        if (caller.isAdmin()) {
            return gradedById;
        }
        if (gradedById != null && !caller.is(gradedById)) {
            throw Refusal.forbidden("You can only grade as yourself: gradedById must be your own id, or left out.");
        }
        return caller.id();
    }
}
