package dev.lms.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.access.Caller;
import dev.lms.assignment.Assignment;
import dev.lms.assignment.AssignmentPolicy;
import dev.lms.assignment.Assignment_;
import dev.lms.course.Course_;
import dev.lms.crud.CrudService;
import dev.lms.crud.ExpectedVersion;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Refusal;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.enrollment.Enrollment;
import dev.lms.enrollment.Enrollment_;
import dev.lms.persistence.AuditedEntity;
import dev.lms.persistence.Condition;
import dev.lms.persistence.Queries;
import dev.lms.persistence.RowLock;
import dev.lms.user.User;
import dev.lms.user.User_;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Submissions, as their callers may see them: an ADMIN every one, an INSTRUCTOR those to the assignments of the
 * courses they teach, everyone their own; a STUDENT sees nothing else ("students may only list their own
 * submissions"). A student submits as themselves, and changes or withdraws their submission until it is graded.
 * Instructors read and grade submissions; they do not write them.
 */
@ApplicationScoped
@Transactional
public class SubmissionService extends CrudService<Submission, SubmissionRequest, SubmissionResponse> {

    static final Sorting SORTING = Sorting.of("submittedAt", "createdAt", "updatedAt");

    private final SubmissionPolicy policy;
    private final MergePatch mergePatch;
    private final Caller caller;
    private final AssignmentPolicy assignments;

    public SubmissionService(
            SubmissionPolicy policy, MergePatch mergePatch, Caller caller, AssignmentPolicy assignments) {
        super(
                new Rows<>(Submission.class, "submission", policy, caller),
                mergePatch,
                SubmissionRequest.class,
                SubmissionRequest::of,
                SubmissionResponse::of);
        this.policy = policy;
        this.mergePatch = mergePatch;
        this.caller = caller;
        this.assignments = assignments;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<SubmissionResponse> list(UUID assignmentId, UUID studentId, Page page) {
        Condition<Submission> where = policy.readable()
                .and(Condition.equalIfPresent(
                        submission -> submission.get(Submission_.assignment).get(Assignment_.id), assignmentId))
                .and(Condition.equalIfPresent(
                        submission -> submission.get(Submission_.student).get(User_.id), studentId));
        return rows.page(where, SORTING.parse(page), page, SubmissionResponse::of);
    }

    /**
     * An assignment's submissions in two statements at most: the count, which also proves the assignment exists and
     * that the caller may see it (404 otherwise), and the page. Both count and list what the policy lets the caller
     * see: a student enrolled in the course counts and lists only their own submission.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<SubmissionResponse> listForAssignment(UUID assignmentId, Page page) {
        long total = Queries.countUnder(
                        Assignment.class,
                        assignments.readable().and(AuditedEntity.withId(assignmentId)),
                        Submission.class,
                        Submission_.assignment,
                        policy.readable())
                .orElseThrow(() -> Refusal.notFound("assignment", assignmentId));
        Condition<Submission> where = policy.readable()
                .and(Condition.equal(
                        submission -> submission.get(Submission_.assignment).get(Assignment_.id), assignmentId));
        return rows.page(where, SORTING.parse(page), page, total, SubmissionResponse::of);
    }

    public SubmissionResponse submit(SubmissionRequest request) {
        return insert(new Submission(), request);
    }

    @Override
    public SubmissionResponse replace(UUID id, SubmissionRequest request, ExpectedVersion ifMatch) {
        Submission submission = findChangeable(id, RowLock.FOR_NO_KEY_UPDATE);
        ifMatch.check(submission.version);
        return update(submission, request);
    }

    @Override
    public SubmissionResponse patch(UUID id, JsonNode patch, ExpectedVersion ifMatch) throws JsonProcessingException {
        Submission submission = findChangeable(id, RowLock.FOR_NO_KEY_UPDATE);
        ifMatch.check(submission.version);
        return update(submission, mergePatch.apply(SubmissionRequest.of(submission), patch, SubmissionRequest.class));
    }

    /** Deletes (withdraws) a submission with one statement, after the checks an ADMIN skips; PostgreSQL cascades to its grade. */
    @Override
    public void delete(UUID id, ExpectedVersion ifMatch) {
        if (!caller.isAdmin()) {
            // FOR UPDATE, the lock the DELETE takes anyway: taken later, it would wait for a grader's foreign-key
            // check while the grader waits for this lock, a deadlock.
            findChangeable(id, RowLock.FOR_UPDATE);
        }
        rows.deleteChecked(id, ifMatch);
    }

    @Override
    protected void copy(SubmissionRequest request, Submission submission) {
        policy.checkStudent(request.studentId());
        boolean moved = submission.assignment == null
                || !submission.assignment.id.equals(request.assignmentId())
                || !submission.student.id.equals(request.studentId());
        if (moved) {
            submission.assignment = assignmentTakenBy(request.assignmentId(), request.studentId());
            submission.student = User.getEntityManager().getReference(User.class, request.studentId());
        }
        submission.content = request.content();
        submission.fileUrl = request.fileUrl();
    }

    /**
     * Only a user enrolled in the assignment's course may submit to it; the schema cannot say so. The enrollment is
     * the whole rule: it, not the user's role, makes someone a student of a course. Two statements, and a third only
     * to tell an unknown user from one who is not enrolled. Each refusal is a 422 naming the field; an assignment the
     * caller may not see is refused as one that does not exist.
     */
    private Assignment assignmentTakenBy(UUID assignmentId, UUID studentId) {
        Assignment assignment = Queries.select(
                        Assignment.class, assignments.readable().and(AuditedEntity.withId(assignmentId)), List.of())
                .uniqueResultOptional()
                .orElseThrow(
                        () -> Refusal.unprocessable("assignmentId", "No assignment with id " + assignmentId + "."));
        Condition<Enrollment> enrolled = Condition.<Enrollment, UUID>equal(
                        enrollment -> enrollment.get(Enrollment_.user).get(User_.id), studentId)
                .and(Condition.equal(
                        enrollment -> enrollment.get(Enrollment_.course).get(Course_.id), assignment.course.id));
        if (Queries.count(Enrollment.class, enrolled) == 0) {
            if (Queries.count(User.class, AuditedEntity.withId(studentId)) == 0) {
                throw Refusal.unprocessable("studentId", "No user with id " + studentId + ".");
            }
            throw Refusal.unprocessable(
                    "studentId",
                    "User " + studentId + " is not enrolled in course " + assignment.course.id + ", which assignment "
                            + assignmentId + " belongs to.");
        }
        return assignment;
    }

    /**
     * The "not graded" check runs under {@code lock} on the submission, the lock grading conflicts with (its
     * trigger reads the submission FOR SHARE): a grade being written commits first and is seen here, or waits until
     * this change has committed. Without it, a student's edit and an instructor's grade could both commit, and
     * graded work change after grading, or a new grade be cascaded away with a withdrawn submission.
     *
     * @throws Refusal not found as {@link Rows#find}; forbidden when the caller sees the submission but is not its student
     *                 (an instructor grades work, they do not change it), or when it has been graded
     */
    private Submission findChangeable(UUID id, RowLock lock) {
        Submission submission = rows.find(id);
        policy.checkChange(submission);
        if (caller.isAdmin()) {
            return submission;
        }
        if (!lock.lock("submissions", id)) {
            throw Refusal.notFound("submission", id);
        }
        if (isGraded(id)) {
            throw Refusal.forbidden("This submission has been graded; it can no longer be changed or withdrawn.");
        }
        return submission;
    }

    private static boolean isGraded(UUID id) {
        return Submission.getEntityManager()
                        .createQuery("select count(*) from Grade where submission.id = :id", Long.class)
                        .setParameter("id", id)
                        .getSingleResult()
                > 0;
    }
}
