package dev.lms.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lms.auth.Caller;
import dev.lms.auth.CourseAccess;
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
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * Grades, as their callers may see them: an ADMIN every one, an INSTRUCTOR those in the courses they teach, everyone
 * the grades of their own submissions. Only the course's instructor or an ADMIN grades; an instructor grades as
 * themselves ({@code gradedById} is theirs, or left out), and a student never grades, not even their own work.
 */
@ApplicationScoped
@Transactional
public class GradeService {

    static final Sorting SORTING = Sorting.of("score", "createdAt", "updatedAt");

    private final MergePatch mergePatch;
    private final Caller caller;

    public GradeService(MergePatch mergePatch, Caller caller) {
        this.mergePatch = mergePatch;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<GradeResponse> list(UUID submissionId, UUID gradedById, PageRequest page) {
        Where where = visible()
                .andIfPresent("submission.id = :submissionId", "submissionId", submissionId)
                .andIfPresent("gradedBy.id = :gradedById", "gradedById", gradedById);
        return page.fetch(Grade.find(where.query(), SORTING.parse(page), where.parameters()), GradeResponse::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GradeResponse get(UUID id) {
        return GradeResponse.of(find(id));
    }

    public GradeResponse grade(GradeRequest request) {
        if (caller.isStudent()) {
            throw ProblemException.forbidden("Only a course's instructor or an admin grades.");
        }
        Grade grade = new Grade();
        copy(request, grade);
        // Flushed here so that a second grade for the submission surfaces from this call as a 409.
        grade.persistAndFlush();
        return GradeResponse.of(grade);
    }

    public GradeResponse replace(UUID id, GradeRequest request, IfMatch ifMatch) {
        Grade grade = findManaged(id);
        ifMatch.check(grade.version);
        return update(grade, request);
    }

    public GradeResponse patch(UUID id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Grade grade = findManaged(id);
        ifMatch.check(grade.version);
        GradeRequest current = GradeRequest.of(grade);
        if (!caller.isAdmin()) {
            // Whoever changes a grade gives it: a patch that leaves gradedById out makes the caller its grader.
            current = new GradeRequest(current.submissionId(), current.score(), current.feedback(), caller.id());
        }
        return update(grade, mergePatch.apply(current, patch, GradeRequest.class));
    }

    public void delete(UUID id, IfMatch ifMatch) {
        if (!caller.isAdmin()) {
            findManaged(id);
        }
        if (!ConditionalDelete.byId(Grade.class, id, ifMatch)) {
            throw ProblemException.notFound("grade", id);
        }
    }

    private GradeResponse update(Grade grade, GradeRequest request) {
        copy(request, grade);
        grade.flush();
        return GradeResponse.of(grade);
    }

    private void copy(GradeRequest request, Grade grade) {
        UUID graderId = graderId(request.gradedById());
        grade.submission = scoredWithin(request.submissionId(), request.score());
        UUID currentGrader = grade.gradedBy == null ? null : grade.gradedBy.id;
        if (grade.id == null || !Objects.equals(currentGrader, graderId)) {
            grade.gradedBy = grader(graderId);
        }
        // The column's scale, so that every response shows a score alike (8.50), whether or not it was just written.
        grade.score = request.score().setScale(2);
        grade.feedback = request.feedback();
    }

    /** An ADMIN names any grader, or none; anyone else grades as themselves. */
    private UUID graderId(UUID gradedById) {
        if (caller.isAdmin()) {
            return gradedById;
        }
        if (gradedById != null && !caller.is(gradedById)) {
            throw ProblemException.forbidden(
                    "You can only grade as yourself: gradedById must be your own id, or left out.");
        }
        return caller.id();
    }

    /**
     * A score may not exceed the assignment's points, which the schema cannot compare across tables. One statement
     * loads the submission with its assignment; an unknown submission is a 422 too, and so is one the caller may
     * not see (as in {@code SubmissionService}: their courses' submissions, and their own). One the caller sees but
     * may not grade, their own work in a course they do not teach, is a 403.
     */
    private Submission scoredWithin(UUID submissionId, BigDecimal score) {
        Where where = caller.isAdmin()
                ? new Where()
                : new Where()
                        .and(
                                "(s.assignment.course.id in (" + CourseAccess.taughtCourseIds()
                                        + ") or s.student.id = :caller)",
                                CourseAccess.CALLER,
                                caller.id());
        where.and("s.id = :id", "id", submissionId);
        Submission submission = Submission.<Submission>find(
                        "from Submission s join fetch s.assignment where " + where.query(), where.parameters())
                .firstResult();
        if (submission == null) {
            throw ProblemException.unprocessable("submissionId", "No submission with id " + submissionId + ".");
        }
        if (!CourseAccess.teaches(caller, submission.assignment.course.id)) {
            throw ProblemException.forbidden("Only the course's instructor or an admin grades its submissions.");
        }
        int points = submission.assignment.points;
        if (score.compareTo(BigDecimal.valueOf(points)) > 0) {
            throw ProblemException.unprocessable(
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
            throw ProblemException.unprocessable("gradedById", "No user with id " + gradedById + ".");
        }
        if (grader.role == UserRole.STUDENT) {
            throw ProblemException.unprocessable(
                    "gradedById",
                    "User " + gradedById + " is a STUDENT; grades are given by an INSTRUCTOR or an ADMIN.");
        }
        return grader;
    }

    /** Every grade for an ADMIN; otherwise those in the courses the caller teaches, and those of their own submissions. */
    private Where visible() {
        if (caller.isAdmin()) {
            return new Where();
        }
        return new Where()
                .and(
                        "(submission.assignment.course.id in (" + CourseAccess.taughtCourseIds()
                                + ") or submission.student.id = :caller)",
                        CourseAccess.CALLER,
                        caller.id());
    }

    /** @throws ProblemException 404 for a grade that does not exist or that the caller may not see */
    private Grade find(UUID id) {
        Where where = visible().and("id = :id", "id", id);
        return Grade.<Grade>find(where.query(), where.parameters())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("grade", id));
    }

    /** @throws ProblemException 404 as {@link #find}; 403 when the caller sees the grade (of their own work) but does not teach the course */
    private Grade findManaged(UUID id) {
        Grade grade = find(id);
        if (!caller.isAdmin()
                && Grade.count("id = ?1 and submission.assignment.course.instructor.id = ?2", id, caller.id()) == 0) {
            throw ProblemException.forbidden("Only the course's instructor or an admin changes or deletes a grade.");
        }
        return grade;
    }
}
