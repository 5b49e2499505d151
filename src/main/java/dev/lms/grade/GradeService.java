package dev.lms.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.access.Caller;
import dev.lms.access.UserRole;
import dev.lms.crud.CrudService;
import dev.lms.crud.ExpectedVersion;
import dev.lms.crud.MergePatch;
import dev.lms.crud.Page;
import dev.lms.crud.PageResult;
import dev.lms.crud.Refusal;
import dev.lms.crud.Rows;
import dev.lms.crud.Sorting;
import dev.lms.persistence.AuditedEntity;
import dev.lms.persistence.Condition;
import dev.lms.persistence.Queries;
import dev.lms.submission.Submission;
import dev.lms.submission.Submission_;
import dev.lms.user.User;
import dev.lms.user.User_;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Grades, as their callers may see them: an ADMIN every one, an INSTRUCTOR those in the courses they teach, everyone
 * the grades of their own submissions. Only the course's instructor or an ADMIN grades; an instructor grades as
 * themselves ({@code gradedById} is theirs, or left out), and a student never grades, not even their own work.
 */
@ApplicationScoped
@Transactional
public class GradeService extends CrudService<Grade, GradeRequest, GradeResponse> {

    static final Sorting SORTING = Sorting.of("score", "createdAt", "updatedAt");

    private final GradePolicy policy;
    private final MergePatch mergePatch;
    private final Caller caller;

    public GradeService(GradePolicy policy, MergePatch mergePatch, Caller caller) {
        super(
                new Rows<>(Grade.class, "grade", policy, caller),
                mergePatch,
                GradeRequest.class,
                GradeRequest::of,
                GradeResponse::of);
        this.policy = policy;
        this.mergePatch = mergePatch;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<GradeResponse> list(UUID submissionId, UUID gradedById, Page page) {
        Condition<Grade> where = policy.readable()
                .and(Condition.equalIfPresent(
                        grade -> grade.get(Grade_.submission).get(Submission_.id), submissionId))
                .and(Condition.equalIfPresent(
                        grade -> grade.get(Grade_.gradedBy).get(User_.id), gradedById));
        return rows.page(where, SORTING.parse(page), page, GradeResponse::of);
    }

    public GradeResponse grade(GradeRequest request) {
        policy.checkCreate();
        return insert(new Grade(), request);
    }

    @Override
    public GradeResponse patch(UUID id, JsonNode patch, ExpectedVersion ifMatch) throws JsonProcessingException {
        Grade grade = rows.findForChange(id, ifMatch);
        GradeRequest current = GradeRequest.of(grade);
        if (!caller.isAdmin()) {
            // Whoever changes a grade gives it: a patch that leaves gradedById out makes the caller its grader.
            current = new GradeRequest(current.submissionId(), current.score(), current.feedback(), caller.id());
        }
        return update(grade, mergePatch.apply(current, patch, GradeRequest.class));
    }

    @Override
    protected void copy(GradeRequest request, Grade grade) {
        UUID graderId = policy.graderId(request.gradedById());
        grade.submission = scoredWithin(request.submissionId(), request.score());
        UUID currentGrader = grade.gradedBy == null ? null : grade.gradedBy.id;
        if (grade.id == null || !Objects.equals(currentGrader, graderId)) {
            grade.gradedBy = grader(graderId);
        }
        // The column's scale, so that every response shows a score alike (8.50), whether or not it was just written.
        grade.score = request.score().setScale(2);
        grade.feedback = request.feedback();
    }

    /**
     * A score may not exceed the assignment's points, which the schema cannot compare across tables. One statement
     * loads the submission with its assignment; an unknown submission is a 422 too, and so is one the caller may
     * not see (as in {@code SubmissionService}: their courses' submissions, and their own). One the caller sees but
     * may not grade, their own work in a course they do not teach, is a 403.
     */
    private Submission scoredWithin(UUID submissionId, BigDecimal score) {
        Submission submission = Queries.select(
                        Submission.class,
                        policy.gradable().and(AuditedEntity.withId(submissionId)),
                        List.of(),
                        Submission_.assignment)
                .uniqueResultOptional()
                .orElseThrow(
                        () -> Refusal.unprocessable("submissionId", "No submission with id " + submissionId + "."));
        policy.checkGrades(submission);
        int points = submission.assignment.points;
        if (score.compareTo(BigDecimal.valueOf(points)) > 0) {
            throw Refusal.unprocessable(
                    "score", "must be at most " + points + ", the points of assignment " + submission.assignment.id);
        }
        return submission;
    }

    /** Grades are given by an INSTRUCTOR or an ADMIN, never a STUDENT: only this check knows a user's role. */
    private static User grader(UUID gradedById) {
        if (gradedById == null) {
            return null;
        }
        User grader = User.findById(gradedById);
        if (grader == null) {
            throw Refusal.unprocessable("gradedById", "No user with id " + gradedById + ".");
        }
        if (grader.role == UserRole.STUDENT) {
            throw Refusal.unprocessable(
                    "gradedById",
                    "User " + gradedById + " is a STUDENT; grades are given by an INSTRUCTOR or an ADMIN.");
        }
        return grader;
    }
}
