package dev.lms.submission;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.assignment.Assignment_;
import dev.lms.course.Course_;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.Condition;
import dev.lms.user.User_;
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
    private final Membership membership;

    SubmissionPolicy(Caller caller, Membership membership) {
        this.caller = caller;
        this.membership = membership;
    }

    @Override
    public Condition<Submission> readable() {
        return membership.taughtOr(
                submission -> submission
                        .get(Submission_.assignment)
                        .get(Assignment_.course)
                        .get(Course_.id),
                Condition.equal(
                        submission -> submission.get(Submission_.student).get(User_.id), caller.id()));
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
}
