package dev.lms.submission;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Submissions: an ADMIN sees every one, an INSTRUCTOR those to the assignments of the courses they teach, everyone
 * their own; a STUDENT sees nothing else ("students may only list their own submissions"). A student submits as
 * themselves, and changes or withdraws their submission until it is graded. Instructors read and grade submissions;
 * they do not write them.
 */
@ApplicationScoped
public class SubmissionPolicy implements Policy<Submission> {

    private final Caller caller;

    SubmissionPolicy(Caller caller) {
        this.caller = caller;
    }

    @Override
    public Where readable() {
        return Membership.taughtOr(caller, "assignment.course.id", "student.id = :caller");
    }

    /** The student's own check; {@code SubmissionService} adds "not graded yet", under a lock. */
    @Override
    public void checkChange(Submission submission) {
        if (!caller.isAdmin() && !caller.is(submission.student.id)) {
            throw Refusal.forbidden("Only the student who submitted this work, or an admin, changes or deletes it.");
        }
    }

    /** A student submits their own work; only an ADMIN submits in someone else's name. */
    void checkStudent(UUID studentId) {
        if (!caller.isAdmin() && !caller.is(studentId)) {
            throw Refusal.forbidden("You can only submit your own work: studentId must be your own id.");
        }
    }

    /** HQL join condition over course {@code c} and submission {@code s}: the submissions a caller counts. */
    String countedInAssignment() {
        // Of an assignment they may see, the course's instructor counts every submission, a student only their own.
        return caller.isAdmin() ? "" : " and (c.instructor.id = :caller or s.student.id = :caller)";
    }
}
