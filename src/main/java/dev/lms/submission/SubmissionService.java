package dev.lms.submission;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.assignment.Assignment;
import dev.lms.enrollment.Enrollment;
import dev.lms.persistence.ConditionalDelete;
import dev.lms.persistence.Where;
import dev.lms.user.User;
import dev.lms.web.IfMatch;
import dev.lms.web.MergePatch;
import dev.lms.web.PageRequest;
import dev.lms.web.PageResult;
import dev.lms.web.ProblemException;
import dev.lms.web.Sorting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional
public class SubmissionService {

    static final Sorting SORTING = Sorting.of("submittedAt", "createdAt", "updatedAt");

    private final MergePatch mergePatch;

    public SubmissionService(MergePatch mergePatch) {
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<SubmissionResponse> list(UUID assignmentId, UUID studentId, PageRequest page) {
        Where where = new Where()
                .and("assignment.id = :assignmentId", "assignmentId", assignmentId)
                .and("student.id = :studentId", "studentId", studentId);
        return page.fetch(Submission.find(where.query(), SORTING.parse(page), where.parameters()), SubmissionResponse::of);
    }

    /** An assignment's submissions in two statements at most: the count, which also proves the assignment exists, and the page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<SubmissionResponse> listForAssignment(UUID assignmentId, PageRequest page) {
        long total = Assignment.getEntityManager()
                .createQuery("select count(s) from Assignment a left join a.submissions s where a.id = :id group by a.id", Long.class)
                .setParameter("id", assignmentId)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
        return page.fetch(Submission.find("assignment.id", SORTING.parse(page), assignmentId), total, SubmissionResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubmissionResponse get(UUID id) {
        return SubmissionResponse.of(find(id));
    }

    public SubmissionResponse submit(SubmissionRequest request) {
        Submission submission = new Submission();
        copy(request, submission);
        // Flushed here so that a second submission for the same assignment surfaces from this call as a 409.
        submission.persistAndFlush();
        return SubmissionResponse.of(submission);
    }

    public SubmissionResponse replace(UUID id, SubmissionRequest request, IfMatch ifMatch) {
        Submission submission = find(id);
        ifMatch.check(submission.version);
        return update(submission, request);
    }

    public SubmissionResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Submission submission = find(id);
        ifMatch.check(submission.version);
        return update(submission, mergePatch.apply(SubmissionRequest.of(submission), patch, SubmissionRequest.class));
    }

    /** Deletes a submission with one statement; PostgreSQL cascades to its grade. */
    public void delete(UUID id, IfMatch ifMatch) {
        if (!ConditionalDelete.byId(Submission.class, id, ifMatch)) {
            throw ProblemException.notFound("submission", id);
        }
    }

    private static SubmissionResponse update(Submission submission, SubmissionRequest request) {
        copy(request, submission);
        submission.flush();
        return SubmissionResponse.of(submission);
    }

    private static void copy(SubmissionRequest request, Submission submission) {
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
     * to tell an unknown user from one who is not enrolled. Each refusal is a 422 naming the field.
     */
    private static Assignment assignmentTakenBy(UUID assignmentId, UUID studentId) {
        Assignment assignment = Assignment.findById(assignmentId);
        if (assignment == null) {
            throw ProblemException.unprocessable("assignmentId", "No assignment with id " + assignmentId + ".");
        }
        if (Enrollment.count("user.id = ?1 and course.id = ?2", studentId, assignment.course.id) == 0) {
            if (User.count("id", studentId) == 0) {
                throw ProblemException.unprocessable("studentId", "No user with id " + studentId + ".");
            }
            throw ProblemException.unprocessable("studentId", "User " + studentId + " is not enrolled in course "
                    + assignment.course.id + ", which assignment " + assignmentId + " belongs to.");
        }
        return assignment;
    }

    private static Submission find(UUID id) {
        Submission submission = Submission.findById(id);
        if (submission == null) {
            throw ProblemException.notFound("submission", id);
        }
        return submission;
    }
}
