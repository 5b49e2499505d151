package dev.lms.grade;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.persistence.ConditionalDelete;
import dev.lms.persistence.Where;
import dev.lms.submission.Submission;
import dev.lms.user.User;
import dev.lms.user.UserRole;
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
public class GradeService {

    static final Sorting SORTING = Sorting.of("score", "createdAt", "updatedAt");

    private final MergePatch mergePatch;

    public GradeService(MergePatch mergePatch) {
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<GradeResponse> list(UUID submissionId, UUID gradedById, PageRequest page) {
        Where where = new Where()
                .and("submission.id = :submissionId", "submissionId", submissionId)
                .and("gradedBy.id = :gradedById", "gradedById", gradedById);
        return page.fetch(Grade.find(where.query(), SORTING.parse(page), where.parameters()), GradeResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GradeResponse get(UUID id) {
        return GradeResponse.of(find(id));
    }

    public GradeResponse grade(GradeRequest request) {
        Grade grade = new Grade();
        copy(request, grade);
        // Flushed here so that a second grade for the submission surfaces from this call as a 409.
        grade.persistAndFlush();
        return GradeResponse.of(grade);
    }

    public GradeResponse replace(UUID id, GradeRequest request, IfMatch ifMatch) {
        Grade grade = find(id);
        ifMatch.check(grade.version);
        return update(grade, request);
    }

    public GradeResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Grade grade = find(id);
        ifMatch.check(grade.version);
        return update(grade, mergePatch.apply(GradeRequest.of(grade), patch, GradeRequest.class));
    }

    public void delete(UUID id, IfMatch ifMatch) {
        if (!ConditionalDelete.byId(Grade.class, id, ifMatch)) {
            throw ProblemException.notFound("grade", id);
        }
    }

    private static GradeResponse update(Grade grade, GradeRequest request) {
        copy(request, grade);
        grade.flush();
        return GradeResponse.of(grade);
    }

    private static void copy(GradeRequest request, Grade grade) {
        grade.submission = scoredWithin(request.submissionId(), request.score());
        UUID currentGrader = grade.gradedBy == null ? null : grade.gradedBy.id;
        if (grade.id == null || !Objects.equals(currentGrader, request.gradedById())) {
            grade.gradedBy = grader(request.gradedById());
        }
        // The column's scale, so that every response shows a score alike (8.50), whether or not it was just written.
        grade.score = request.score().setScale(2);
        grade.feedback = request.feedback();
    }

    /**
     * A score may not exceed the assignment's points, which the schema cannot compare across tables. One statement
     * loads the submission with its assignment; an unknown submission is a 422 too.
     */
    private static Submission scoredWithin(UUID submissionId, BigDecimal score) {
        Submission submission = Submission.find("from Submission s join fetch s.assignment where s.id = ?1", submissionId)
                .firstResult();
        if (submission == null) {
            throw ProblemException.unprocessable("submissionId", "No submission with id " + submissionId + ".");
        }
        int points = submission.assignment.points;
        if (score.compareTo(BigDecimal.valueOf(points)) > 0) {
            throw ProblemException.unprocessable("score",
                    "must be at most " + points + ", the points of assignment " + submission.assignment.id);
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
            throw ProblemException.unprocessable("gradedById", "No user with id " + gradedById + ".");
        }
        if (grader.role == UserRole.STUDENT) {
            throw ProblemException.unprocessable("gradedById",
                    "User " + gradedById + " is a STUDENT; grades are given by an INSTRUCTOR or an ADMIN.");
        }
        return grader;
    }

    private static Grade find(UUID id) {
        Grade grade = Grade.findById(id);
        if (grade == null) {
            throw ProblemException.notFound("grade", id);
        }
        return grade;
    }
}
