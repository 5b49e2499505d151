package dev.lms.grade;

import dev.lms.access.Caller;
import dev.lms.access.Membership;
import dev.lms.assignment.Assignment_;
import dev.lms.course.CourseAccess;
import dev.lms.course.Course_;
import dev.lms.crud.Policy;
import dev.lms.crud.Refusal;
import dev.lms.persistence.AuditedEntity;
import dev.lms.persistence.Condition;
import dev.lms.persistence.Queries;
import dev.lms.submission.Submission;
import dev.lms.submission.SubmissionPolicy;
import dev.lms.submission.Submission_;
import dev.lms.user.User_;
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
    private final Membership membership;
    private final CourseAccess courseAccess;
    private final SubmissionPolicy submissionPolicy;

    GradePolicy(Caller caller, Membership membership, CourseAccess courseAccess, SubmissionPolicy submissionPolicy) {
        this.caller = caller;
        this.membership = membership;
        this.courseAccess = courseAccess;
        this.submissionPolicy = submissionPolicy;
    }

    @Override
    public Condition<Grade> readable() {
        return membership.taughtOr(
                grade -> grade.get(Grade_.submission)
                        .get(Submission_.assignment)
                        .get(Assignment_.course)
                        .get(Course_.id),
                Condition.equal(
                        grade -> grade.get(Grade_.submission)
                                .get(Submission_.student)
                                .get(User_.id),
                        caller.id()));
    }

    @Override
    public void checkChange(Grade grade) {
        if (!caller.isAdmin()
                && Queries.count(
                                Grade.class,
                                AuditedEntity.<Grade>withId(grade.id).and(taughtByCaller()))
                        == 0) {
            throw Refusal.forbidden("Only the course's instructor or an admin changes or deletes a grade.");
        }
    }

    /** Grades of the courses the caller teaches, checked without loading the submission, assignment and course. */
    private Condition<Grade> taughtByCaller() {
        return Condition.equal(
                grade -> grade.get(Grade_.submission)
                        .get(Submission_.assignment)
                        .get(Assignment_.course)
                        .get(Course_.instructor)
                        .get(User_.id),
                caller.id());
    }

    void checkCreate() {
        if (caller.isStudent()) {
            throw Refusal.forbidden("Only a course's instructor or an admin grades.");
        }
    }

    /** A submission the caller sees but may not grade (their own work, in a course they do not teach) is a 403. */
    void checkGrades(Submission submission) {
        if (!courseAccess.teaches(submission.assignment.course.id)) {
            throw Refusal.forbidden("Only the course's instructor or an admin grades its submissions.");
        }
    }

    /** The submissions a grade may name: those the caller sees, as in {@code SubmissionPolicy}. */
    Condition<Submission> gradable() {
        return submissionPolicy.readable();
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
